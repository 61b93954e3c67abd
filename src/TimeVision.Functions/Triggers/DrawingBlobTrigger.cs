using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Storage;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// A PDF dropped into <c>drawings</c> starts its orchestration. The blob is streamed once to hash it; the instance id
/// is the hash, so a trigger that fires twice for one upload (blob triggers do) starts nothing the second time.
/// </summary>
/// <param name="intake">Starts or finds the orchestration.</param>
/// <param name="logger">Logs what the trigger did.</param>
public sealed partial class DrawingBlobTrigger(DocumentIntake intake, ILogger<DrawingBlobTrigger> logger)
{
    /// <summary>Handles a new or changed blob in <c>drawings</c>.</summary>
    [Function(nameof(DrawingBlobTrigger))]
    public async Task RunAsync(
        [BlobTrigger("drawings/{name}", Connection = "AzureWebJobsStorage")] Stream blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var documentId = await DocumentIntake.HashAsync(blob, cancellationToken);
        var result = await intake.StartOrFindAsync(
            client, documentId, new BlobReference(BlobReference.DrawingsContainer, name), Path.GetFileName(name), "blob", cancellationToken);
        LogIntake(logger, documentId, result.Started);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Blob intake for document {DocumentId}: started {Started}")]
    private static partial void LogIntake(ILogger logger, string documentId, bool started);
}
