using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// A PDF dropped into <c>drawings</c> starts its orchestration. The blob is streamed once to hash it and to store a copy
/// under that hash, which is what the run reads (an overwrite of the dropped blob mid-run changes nothing); the instance
/// id is the hash, so a trigger that fires twice for one upload (blob triggers do) starts nothing the second time.
/// TimeVision's own copies (<c>drawings/&lt;id&gt;.pdf</c>) are left alone.
/// <para>
/// The storage account's Event Grid system topic wakes the trigger (<see cref="BlobTriggerSource.EventGrid"/>): seconds
/// after an upload rather than the minutes a polling scan can take, and an app scaled in still hears of it. Event Grid
/// delivers at least once; the content-hash instance id is what makes a second delivery harmless.
/// </para>
/// </summary>
/// <param name="intake">Starts or finds the orchestration.</param>
/// <param name="logger">Logs what the trigger did.</param>
public sealed partial class DrawingBlobTrigger(DocumentIntake intake, ILogger<DrawingBlobTrigger> logger)
{
    /// <summary>Handles a new or changed blob in <c>drawings</c>.</summary>
    [Function(nameof(DrawingBlobTrigger))]
    public async Task RunAsync(
        [BlobTrigger("drawings/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] Stream blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (DocumentIntake.IsStoredCopy(name))
        {
            LogStoredCopy(logger, name);
            return;
        }

        var outcome = await intake.SubmitStoredAsync(blob, name, DocumentSource.Blob, client, cancellationToken);
        if (outcome.Error is { } error)
        {
            LogRejected(logger, outcome.DocumentId, error.Code, error.Message);
            return;
        }

        LogIntake(logger, outcome.DocumentId, outcome.Status);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Blob intake for document {DocumentId}: {Status}")]
    private static partial void LogIntake(ILogger logger, string? documentId, IntakeStatus status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Blob {Name} is a copy TimeVision stored under a document id; nothing to start")]
    private static partial void LogStoredCopy(ILogger logger, string name);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Blob intake for document {DocumentId} refused ({Code}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string? documentId, string code, string reason);
}
