using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using TimeVision.Core.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Pipeline;

/// <summary>How an intake ended.</summary>
/// <param name="DocumentId">The PDF's SHA-256.</param>
/// <param name="Started">Whether a new orchestration was started (false: one for this PDF already exists).</param>
public sealed record IntakeResult(string DocumentId, bool Started);

/// <summary>
/// Takes a PDF in (an HTTP upload or a blob in <c>drawings</c>) and starts its orchestration, with the instance id
/// derived from the content hash so the same PDF never starts a second one while one is pending, running or done.
/// </summary>
public sealed class DocumentIntake
{
    private readonly IBlobStore _blobs;
    private readonly IOptionsMonitor<PipelineOptions> _pipeline;
    private readonly Models.ActiveModel _activeModel;
    private readonly IOptionsMonitor<ShadowOptions> _shadow;

    /// <summary>Creates the intake.</summary>
    public DocumentIntake(IBlobStore blobs, IOptionsMonitor<PipelineOptions> pipeline, Models.ActiveModel activeModel, IOptionsMonitor<ShadowOptions> shadow)
    {
        _shadow = shadow;
        _blobs = blobs;
        _pipeline = pipeline;
        _activeModel = activeModel;
    }

    /// <summary>The SHA-256 of a stream, read once, in chunks.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

    /// <summary>
    /// Stores an uploaded PDF at <c>drawings/&lt;documentId&gt;.pdf</c> and starts or finds its orchestration. The body is
    /// streamed once to a temporary file (hashing and checking it on the way), never held whole in memory.
    /// </summary>
    /// <returns>The intake, or the bad-input error and whether the upload was too large.</returns>
    public async Task<(IntakeResult? Result, RenderError? Error, bool TooLarge)> AcceptUploadAsync(
        Stream body, string fileName, long maxBytes, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var path = Path.Combine(Path.GetTempPath(), $"timevision-upload-{Guid.NewGuid():N}.pdf");
        try
        {
            long length;
            string documentId;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                length = 0;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return (null, null, true);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (length == 0)
                {
                    return (null, new RenderError(RenderErrorCode.NotPdf, "The upload is empty."), false);
                }

                file.Position = 0;
                var header = new byte[PdfSignature.SearchWindow];
                var headerLength = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
                if (!PdfSignature.IsPdf(header.AsSpan(0, headerLength)))
                {
                    return (null, new RenderError(RenderErrorCode.NotPdf, $"This is not a PDF: {PdfSignature.Describe(header.AsSpan(0, headerLength))}."), false);
                }

                documentId = Convert.ToHexStringLower(hash.GetHashAndReset());
                file.Position = 0;
                if (await FindAsync(client, documentId, cancellationToken) is null)
                {
                    await _blobs.UploadAsync(BlobReference.Drawing(documentId), file, cancellationToken);
                }
            }

            return (await StartOrFindAsync(client, documentId, BlobReference.Drawing(documentId), fileName, "http", cancellationToken), null, false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Starts the orchestration for a stored PDF unless one for the same content exists; with <paramref name="force"/>,
    /// starts it anyway and asks the model again for every page.
    /// </summary>
    public async Task<IntakeResult> StartOrFindAsync(
        DurableTaskClient client, string documentId, BlobReference pdf, string fileName, string source, CancellationToken cancellationToken, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!force && await FindAsync(client, documentId, cancellationToken) is not null)
        {
            return new IntakeResult(documentId, Started: false);
        }

        var pipeline = _pipeline.CurrentValue;
        var (model, _) = await _activeModel.ResolveAsync(cancellationToken);
        var request = new EstimateDocumentRequest(
            documentId, pdf, fileName, source, model,
            pipeline.MaxPagesInFlight, pipeline.ActivityAttempts, pipeline.ActivityFirstRetry, force,
            _shadow.CurrentValue.ChallengerFor(documentId, model));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                Durable.EstimateDocumentOrchestration.Name, request, new StartOrchestrationOptions(documentId), cancellationToken);
            return new IntakeResult(documentId, Started: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another trigger (a blob event firing twice, a second upload) may have started it in between.
            if (await FindAsync(client, documentId, cancellationToken) is not null)
            {
                return new IntakeResult(documentId, Started: false);
            }

            throw;
        }
    }

    /// <summary>The orchestration for a document if it is pending, running or completed; failed ones may start again.</summary>
    public static async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(documentId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Completed
            ? instance
            : null;
    }
}
