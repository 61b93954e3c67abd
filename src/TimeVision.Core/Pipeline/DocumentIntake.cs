using System.Globalization;
using System.Security.Cryptography;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimates;
using TimeVision.Core.Estimates.Stores;
using TimeVision.Core.ModelRegistry;
using TimeVision.Core.Recovery;
using TimeVision.Core.Rendering;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;
using TimeVision.Core.Vision.Spend;

namespace TimeVision.Core.Pipeline;

/// <summary>
/// The one way a PDF comes in, for every host (the CLI, HTTP, the blob trigger, eval): it reads the content once to get
/// the document id, stores the PDF under that id, and decides, the same way everywhere, whether to start an estimate:
/// one running is left alone, a stored estimate is kept unless forced (its retryable pages, those that failed for a
/// cause of the moment or of configuration, run again), and with no way to reach a model the estimate is the offline
/// one, said so, unless a model was named explicitly (then it is refused with <c>missing_api_key</c>). The file name a
/// host passes is stored as <see cref="FileNames.Clean"/> makes it.
/// </summary>
public sealed class DocumentIntake
{
    /// <summary>What a person is told when no model can be reached and none was named.</summary>
    public const string OfflineNotice =
        "No model endpoint is configured (OPENAI_API_KEY, or Entra ID for an Azure OpenAI endpoint), so this is the offline estimate: " +
        "read from the drawing's text layer with the reference tables, low confidence, no model. Configure a key for the vision model's estimate.";

    private const int CopyBufferBytes = 81920;

    private readonly IBlobStore _blobs;
    private readonly IEstimateStore _estimates;
    private readonly IOptionsMonitor<PipelineOptions> _pipeline;
    private readonly ActiveModel _activeModel;
    private readonly IOptionsMonitor<ShadowOptions> _shadow;
    private readonly IOptionsMonitor<VisionOptions> _vision;
    private readonly VisionBudget _budget;
    private readonly IRunJournal _runs;
    private readonly UnfinishedRuns _unfinished;
    private readonly TimeProvider _time;

    /// <summary>Creates the intake.</summary>
    public DocumentIntake(
        IBlobStore blobs,
        IEstimateStore estimates,
        IOptionsMonitor<PipelineOptions> pipeline,
        ActiveModel activeModel,
        IOptionsMonitor<ShadowOptions> shadow,
        IOptionsMonitor<VisionOptions> vision,
        VisionBudget budget,
        IRunJournal runs,
        UnfinishedRuns unfinished,
        TimeProvider time)
    {
        _blobs = blobs;
        _estimates = estimates;
        _pipeline = pipeline;
        _activeModel = activeModel;
        _shadow = shadow;
        _vision = vision;
        _budget = budget;
        _runs = runs;
        _unfinished = unfinished;
        _time = time;
    }

    /// <summary>The SHA-256 of a stream as a document id's text, read once, in chunks.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken) =>
        (await DocumentId.OfContentAsync(content, cancellationToken)).Value;

    /// <summary>
    /// What the intake would decide for a PDF file without starting anything: its id, and the answer
    /// (<c>already_estimated</c> or <c>rejected</c>) when there is nothing to run. Lets a host skip starting its engine.
    /// </summary>
    public async Task<FilePrecheck> PrecheckFileAsync(string path, bool force, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var documentId = await DocumentId.OfContentAsync(file, cancellationToken);
        var decision = await DecideAsync(documentId.Value, force, refuseOverBudget: true, cancellationToken);
        return new FilePrecheck(documentId, decision.Outcome);
    }

    /// <summary>
    /// A PDF file on this machine (the CLI), whose id <see cref="PrecheckFileAsync"/> read: stored and started as
    /// <see cref="StartAsync"/> decides.
    /// </summary>
    public async Task<IntakeOutcome> SubmitFileAsync(
        string path, DocumentId documentId, string? fileName, DocumentSource source, bool force, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await StartAsync(client, documentId, fileName, source, force, refuseOverBudget: true, () => StoreAsync(documentId, file, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The size rule of every way in: a PDF of more than <see cref="PipelineOptions.MaxPdfBytes"/> is
    /// <see cref="RenderErrorCode.TooLarge"/>; <see langword="null"/> when <paramref name="bytes"/> is within it.
    /// </summary>
    public RenderError? CheckSize(long bytes)
    {
        var maxBytes = _pipeline.CurrentValue.MaxPdfBytes;
        return bytes > maxBytes
            ? new RenderError(RenderErrorCode.TooLarge, $"The PDF is larger than {DescribeBytes(maxBytes)} (Pipeline:MaxPdfBytes).")
            : null;
    }

    /// <summary>
    /// An upload (HTTP): streamed once to a temporary file (hashing and checking it on the way, never held whole in
    /// memory), refused when empty, not a PDF or over <see cref="CheckSize"/>'s limit, else stored and started.
    /// </summary>
    public async Task<IntakeOutcome> SubmitUploadAsync(
        Stream body, string? fileName, bool force, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var spooled = await SpoolAsync(body, stopWhenTooLarge: true, cancellationToken);
        if (spooled.TooLarge is { } tooLarge)
        {
            return Rejected(null, IntakeError.From(tooLarge));
        }

        var (file, documentId, length) = (spooled.File, spooled.Id, spooled.Length);
        if (length == 0)
        {
            return Rejected(null, IntakeError.From(new RenderError(RenderErrorCode.NotPdf, "The upload is empty.")));
        }

        file.Position = 0;
        var header = new byte[PdfSignature.SearchWindow];
        var headerLength = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (!PdfSignature.IsPdf(header.AsSpan(0, headerLength)))
        {
            return Rejected(null, IntakeError.From(new RenderError(RenderErrorCode.NotPdf, $"This is not a PDF: {PdfSignature.Describe(header.AsSpan(0, headerLength))}.")));
        }

        return await StartAsync(client, documentId, fileName, DocumentSource.Http, force, refuseOverBudget: true, async () =>
        {
            file.Position = 0;
            return await StoreAsync(documentId, file, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// A PDF already in storage (the blob trigger): hashed and measured from <paramref name="content"/> as it is read
    /// once, and stored again under its id from those same bytes, so the run reads exactly what was hashed even when the
    /// blob is overwritten meanwhile. Nobody waits on the answer, so one over <see cref="CheckSize"/>'s limit is recorded
    /// as a failed document estimate with its error (what <c>GET /api/estimates/{id}</c> shows) and never rendered; the
    /// page cap is the orchestration's first step, recorded the same way, for every way in.
    /// </summary>
    public async Task<IntakeOutcome> SubmitStoredAsync(
        Stream content, string? fileName, DocumentSource source, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var spooled = await SpoolAsync(content, stopWhenTooLarge: false, cancellationToken);
        return spooled.TooLarge is { } tooLarge
            ? await RecordRejectedAsync(client, spooled.Id, fileName, source, tooLarge, cancellationToken)
            : await StartAsync(client, spooled.Id, fileName, source, force: false, refuseOverBudget: false, async () =>
            {
                spooled.File.Position = 0;
                return await StoreAsync(spooled.Id, spooled.File, cancellationToken);
            }, cancellationToken);
    }

    /// <summary>
    /// Whether a blob's name is a copy TimeVision stored under a document id (<c>drawings/&lt;id&gt;.pdf</c>), which a
    /// trigger on the container must not take for a new drawing.
    /// </summary>
    public static bool IsStoredCopy(string blobName) =>
        blobName.EndsWith(".pdf", StringComparison.Ordinal) && blobName.Length == 68 && DocumentId.TryParse(blobName[..64], out var id) && id.Value == blobName[..64];

    /// <summary>
    /// Reads a stream once into a temporary file (deleted on dispose) while hashing and measuring it; past the size
    /// limit it stops writing (and, when <paramref name="stopWhenTooLarge"/>, reading), and says so.
    /// </summary>
    private async Task<SpooledPdf> SpoolAsync(Stream content, bool stopWhenTooLarge, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"timevision-intake-{Guid.NewGuid():N}.pdf");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferBytes, FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[CopyBufferBytes];
            long length = 0;
            RenderError? tooLarge = null;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                tooLarge ??= CheckSize(length);
                if (tooLarge is not null && stopWhenTooLarge)
                {
                    return new SpooledPdf(file, default, length, tooLarge);
                }

                hash.AppendData(buffer, 0, read);
                if (tooLarge is null)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new SpooledPdf(file, DocumentId.FromHash(hash.GetHashAndReset()), length, tooLarge);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private sealed record SpooledPdf(FileStream File, DocumentId Id, long Length, RenderError? TooLarge) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => File.DisposeAsync();
    }

    /// <summary>Stores a PDF at <c>drawings/&lt;documentId&gt;.pdf</c> (for eval, which estimates without an orchestration) and returns its id and place.</summary>
    public async Task<(string DocumentId, BlobReference Pdf)> StoreAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var documentId = await DocumentId.OfContentAsync(file, cancellationToken);
        file.Position = 0;
        return (documentId.Value, await StoreAsync(documentId, file, cancellationToken));
    }

    /// <summary>
    /// Runs a stored document's retryable pages again (<c>POST /api/estimates/{id}/retry</c>, <c>timevision retry</c>,
    /// the retry timer), from the PDF they were read from. A run a crash interrupted is resumed instead
    /// (<see cref="UnfinishedRuns"/>), and one running answers <see cref="IntakeStatus.InProgress"/>. <c>not_found</c>
    /// when there is no such estimate; <see cref="IntakeStatus.AlreadyEstimated"/> when no page is retryable.
    /// </summary>
    public async Task<IntakeOutcome> RetryAsync(string? documentId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (DocumentId.TryParse(documentId, out var parsed) && await _unfinished.ResumeAsync(parsed.Value, client, cancellationToken) is { } resumed)
        {
            return resumed;
        }

        var (id, stored, notFound) = await FindStoredAsync(documentId, cancellationToken);
        return notFound ?? await StartAsync(
            client, id, stored!.FileName, stored.Source, force: false, refuseOverBudget: true, () => Task.FromResult(stored.Pdf ?? BlobReference.Drawing(id.Value)), cancellationToken);
    }

    /// <summary>
    /// Estimates a stored document from the PDF it was read from: an imported one (<see cref="DocumentStatus.Imported"/>)
    /// runs every page, keeping its labels; any other runs as <see cref="RetryAsync"/> does.
    /// </summary>
    public Task<IntakeOutcome> EstimateStoredAsync(string documentId, DurableTaskClient client, CancellationToken cancellationToken) =>
        RetryAsync(documentId, client, cancellationToken);

    /// <summary>
    /// What <see cref="RetryAsync"/> would decide without starting anything: <c>not_found</c>, or
    /// <see cref="IntakeStatus.AlreadyEstimated"/> when no page is retryable, or <see langword="null"/> when it would start.
    /// </summary>
    public async Task<IntakeOutcome?> PrecheckRetryAsync(string? documentId, CancellationToken cancellationToken)
    {
        var (id, _, notFound) = await FindStoredAsync(documentId, cancellationToken);
        return notFound ?? (await DecideAsync(id.Value, force: false, refuseOverBudget: true, cancellationToken)).Outcome;
    }

    private async Task<(DocumentId Id, DocumentEstimate? Stored, IntakeOutcome? NotFound)> FindStoredAsync(string? documentId, CancellationToken cancellationToken)
    {
        var stored = DocumentId.TryParse(documentId, out var id) ? await _estimates.GetAsync(id.Value, cancellationToken) : null;
        return stored is null
            ? (id, null, Rejected(null, new IntakeError(
                IntakeError.NotFound,
                id == default ? "No stored estimate has that id: a document id is the 64 hex digits of its PDF's SHA-256." : $"No stored estimate with id '{id.Value}'.")))
            : (id, stored, null);
    }

    /// <summary>
    /// The model an estimate starts with, the same in every host: the active model when it can be reached; the offline
    /// estimate with <see cref="OfflineNotice"/> when no model can be reached and none was named; an error when one was.
    /// </summary>
    public async Task<(string? Model, string? Notice, IntakeError? Error)> ChooseModelAsync(CancellationToken cancellationToken)
    {
        var (model, source) = await _activeModel.ResolveAsync(cancellationToken);
        if (ModelIds.IsLocal(model) || VisionAccess.KindOf(_vision.CurrentValue) != VisionCredentialKind.None)
        {
            return (model, null, null);
        }

        return source == ModelSource.Configuration
            ? (null, null, new IntakeError(IntakeError.MissingApiKey, VisionAccess.MissingCredentialMessage))
            : (ModelIds.Offline, OfflineNotice, null);
    }

    /// <summary>The orchestration for a document if it is pending or running.</summary>
    public static async Task<OrchestrationMetadata?> FindRunningAsync(DurableTaskClient client, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(documentId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running ? instance : null;
    }

    private async Task<IntakeOutcome> StartAsync(
        DurableTaskClient client,
        DocumentId documentId,
        string? fileName,
        DocumentSource source,
        bool force,
        bool refuseOverBudget,
        Func<Task<BlobReference>> store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = documentId.Value;
        if (await FindRunningAsync(client, id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        var decision = await DecideAsync(id, force, refuseOverBudget, cancellationToken);
        if (decision.Outcome is { } early)
        {
            return early;
        }

        var model = decision.Model!;
        var pdf = await store();
        var pipeline = _pipeline.CurrentValue;
        var request = new EstimateDocumentRequest(
            id, pdf, FileNames.Clean(fileName), source, model,
            pipeline.MaxPagesInFlight, pipeline.ActivityAttempts, pipeline.ActivityFirstRetry, force,
            _shadow.CurrentValue.ChallengerFor(id, model), decision.RetryPages);
        try
        {
            await _runs.RecordAsync(new RunRecord(request, _time.GetUtcNow()), cancellationToken);
            await client.ScheduleNewOrchestrationInstanceAsync(
                Durable.EstimateDocumentOrchestration.Name, request, new StartOrchestrationOptions(id), cancellationToken);
            return new IntakeOutcome(IntakeStatus.Started, id, model, Notice: decision.Notice, RetryPages: decision.RetryPages);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another trigger (a blob event firing twice, a second upload) may have started it in between.
            if (await FindRunningAsync(client, id, cancellationToken) is not null)
            {
                return new IntakeOutcome(IntakeStatus.InProgress, id);
            }

            throw;
        }
    }

    /// <summary>
    /// The decision before anything runs: a stored estimate is kept unless forced or it has retryable pages (then only
    /// those run; an imported document, which no model has seen, runs every page, and only when a model can be reached: the offline estimate never stands in for a model's retry); the
    /// model is chosen or refused. With <paramref name="refuseOverBudget"/> (a caller that can be told to come back), a
    /// model estimate is refused while today's budget is spent or while a budget is set below one page's cost; a blob drop, which nobody waits on, starts and its pages
    /// wait as <c>budget_spent</c> for the retry timer.
    /// </summary>
    private async Task<IntakeDecision> DecideAsync(string id, bool force, bool refuseOverBudget, CancellationToken cancellationToken)
    {
        IReadOnlyList<int>? retryPages = null;
        if (!force && await _estimates.GetAsync(id, cancellationToken) is { Status: not DocumentStatus.Imported } stored)
        {
            retryPages = stored.RetryablePages;
            if (retryPages.Count == 0)
            {
                return new IntakeDecision(new IntakeOutcome(IntakeStatus.AlreadyEstimated, id));
            }
        }

        var (model, notice, error) = await ChooseModelAsync(cancellationToken);
        if (error is not null)
        {
            return new IntakeDecision(Rejected(id, error));
        }

        if (refuseOverBudget && !ModelIds.IsLocal(model) && await _budget.CheckDailyAsync(cancellationToken) is { } spent)
        {
            return new IntakeDecision(Rejected(id, new IntakeError(IntakeError.DailyBudgetSpent, spent.Message) { RetryAt = spent.OpensAt }));
        }

        if (refuseOverBudget && model is not null && !ModelIds.IsLocal(model) && _budget.CheckFitsOnePage(model) is { } tooSmall)
        {
            return new IntakeDecision(Rejected(id, new IntakeError(IntakeError.BudgetBelowPageCost, tooSmall.Message)));
        }

        return retryPages is not null && notice is not null
            ? new IntakeDecision(new IntakeOutcome(IntakeStatus.AlreadyEstimated, id, Notice: notice))
            : new IntakeDecision(null, model, notice, retryPages);
    }

    /// <summary>
    /// Stores a refused PDF's record as a failed document estimate, unless the document is being estimated or already
    /// has an estimate (which a refusal never overwrites).
    /// </summary>
    private async Task<IntakeOutcome> RecordRejectedAsync(
        DurableTaskClient client, DocumentId documentId, string? fileName, DocumentSource source, RenderError error, CancellationToken cancellationToken)
    {
        var id = documentId.Value;
        if (await FindRunningAsync(client, id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        if (await _estimates.GetAsync(id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.AlreadyEstimated, id);
        }

        await _estimates.SaveAsync(DocumentEstimate.Rejected(id, FileNames.Clean(fileName), source, error, _time.GetUtcNow()), ifMatch: null, cancellationToken);
        return Rejected(id, IntakeError.From(error));
    }

    private static string DescribeBytes(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private sealed record IntakeDecision(IntakeOutcome? Outcome, string? Model = null, string? Notice = null, IReadOnlyList<int>? RetryPages = null);

    private async Task<BlobReference> StoreAsync(DocumentId documentId, Stream content, CancellationToken cancellationToken)
    {
        var pdf = BlobReference.Drawing(documentId.Value);
        await _blobs.UploadAsync(pdf, content, cancellationToken);
        return pdf;
    }

    private static IntakeOutcome Rejected(string? documentId, IntakeError error) => new(IntakeStatus.Rejected, documentId, Error: error);
}
