using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The one way a PDF comes in, for every host (the CLI, HTTP, the blob trigger, the retry timer): each way in reads the
/// content once (<see cref="UploadSpooler"/>), stores the PDF under its id (<see cref="StoredDrawings"/>), asks the
/// policy whether and with which model to run (<see cref="IntakePolicy"/>) and starts the run
/// (<see cref="DocumentRunStarter"/>). One running is left alone. The file name a host passes is stored as
/// <see cref="FileNames.Clean"/> makes it.
/// </summary>
/// <param name="spooler">Reads, hashes and measures an incoming PDF.</param>
/// <param name="drawings">Stores a PDF under its id.</param>
/// <param name="policy">Decides whether and with what a document runs.</param>
/// <param name="starter">Schedules a document's run.</param>
/// <param name="estimates">The stored estimates.</param>
/// <param name="pipeline">The run's settings.</param>
/// <param name="shadow">The shadow challenger.</param>
/// <param name="unfinished">Resumes a run a crash interrupted.</param>
/// <param name="time">When a run starts.</param>
public sealed class DocumentIntake(
    UploadSpooler spooler,
    StoredDrawings drawings,
    IntakePolicy policy,
    DocumentRunStarter starter,
    IEstimateStore estimates,
    IOptionsMonitor<PipelineOptions> pipeline,
    IOptionsMonitor<ShadowOptions> shadow,
    UnfinishedRuns unfinished,
    TimeProvider time)
{
    /// <summary>
    /// What the intake would decide for a PDF file without starting anything: its id, and the answer
    /// (<c>already_estimated</c> or <c>rejected</c>) when there is nothing to run. Lets a host skip starting its engine.
    /// </summary>
    public async Task<FilePrecheck> PrecheckFileAsync(string path, bool force, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var documentId = await DocumentId.OfContentAsync(file, cancellationToken);
        var decision = await policy.DecideAsync(documentId.Value, force, refuseOverBudget: true, cancellationToken);
        return new FilePrecheck(documentId, decision.Outcome);
    }

    /// <summary>
    /// A PDF file on this machine (the CLI), whose id <see cref="PrecheckFileAsync"/> read: stored and started as the
    /// policy decides.
    /// </summary>
    public async Task<IntakeOutcome> SubmitFileAsync(
        string path, DocumentId documentId, string? fileName, DocumentSource source, bool force, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var start = new Start(documentId, fileName, source, force, RefuseOverBudget: true, () => drawings.StoreAsync(documentId, file, cancellationToken));
        return await StartAsync(client, start, cancellationToken);
    }

    /// <summary>The size rule of every way in (<see cref="UploadSpooler.CheckSize"/>).</summary>
    public RenderError? CheckSize(long bytes) => spooler.CheckSize(bytes);

    /// <summary>
    /// An upload (HTTP): streamed once to a temporary file (hashing and checking it on the way, never held whole in
    /// memory), refused when empty, not a PDF or over <see cref="CheckSize"/>'s limit, else stored and started.
    /// </summary>
    public async Task<IntakeOutcome> SubmitUploadAsync(
        Stream body, string? fileName, bool force, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await using var spooled = await spooler.SpoolAsync(body, stopWhenTooLarge: true, cancellationToken);
        if ((spooled.TooLarge ?? await spooled.CheckIsPdfAsync(cancellationToken)) is { } refused)
        {
            return IntakeOutcome.Refused(null, IntakeError.From(refused));
        }

        return await StartAsync(client, new Start(spooled.Id, fileName, DocumentSource.Http, force, RefuseOverBudget: true, () => StoreSpooledAsync(spooled, cancellationToken)), cancellationToken);
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
        await using var spooled = await spooler.SpoolAsync(content, stopWhenTooLarge: false, cancellationToken);
        return spooled.TooLarge is { } tooLarge
            ? await RecordRejectedAsync(client, spooled.Id, fileName, source, tooLarge, cancellationToken)
            : await StartAsync(client, new Start(spooled.Id, fileName, source, Force: false, RefuseOverBudget: false, () => StoreSpooledAsync(spooled, cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// Whether a blob's name is a copy TimeVision stored under a document id (<c>drawings/&lt;id&gt;.pdf</c>), which a
    /// trigger on the container must not take for a new drawing.
    /// </summary>
    public static bool IsStoredCopy(string blobName) =>
        blobName.EndsWith(".pdf", StringComparison.Ordinal) && blobName.Length == 68 && DocumentId.TryParse(blobName[..64], out var id) && id.Value == blobName[..64];

    /// <summary>
    /// Runs a stored document's retryable pages again (<c>POST /api/estimates/{id}/retry</c>, <c>timevision retry</c>,
    /// the retry timer), from the PDF they were read from. A run a crash interrupted is resumed instead
    /// (<see cref="UnfinishedRuns"/>), and one running answers <see cref="IntakeStatus.InProgress"/>. <c>not_found</c>
    /// when there is no such estimate; <see cref="IntakeStatus.AlreadyEstimated"/> when no page is retryable.
    /// </summary>
    public async Task<IntakeOutcome> RetryAsync(string? documentId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (DocumentId.TryParse(documentId, out var parsed) && await unfinished.ResumeAsync(parsed.Value, client, cancellationToken) is { } resumed)
        {
            return resumed;
        }

        var (id, stored, notFound) = await FindStoredAsync(documentId, cancellationToken);
        return notFound ?? await StartAsync(
            client, new Start(id, stored!.FileName, stored.Source, Force: false, RefuseOverBudget: true, () => Task.FromResult(stored.Pdf ?? BlobReference.Drawing(id.Value))), cancellationToken);
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
        return notFound ?? (await policy.DecideAsync(id.Value, force: false, refuseOverBudget: true, cancellationToken)).Outcome;
    }

    private async Task<(DocumentId Id, DocumentEstimate? Stored, IntakeOutcome? NotFound)> FindStoredAsync(string? documentId, CancellationToken cancellationToken)
    {
        var stored = DocumentId.TryParse(documentId, out var id) ? await estimates.GetAsync(id.Value, cancellationToken) : null;
        return stored is null
            ? (id, null, IntakeOutcome.Refused(null, new IntakeError(
                IntakeError.NotFound,
                id == default ? "No stored estimate has that id: a document id is the 64 hex digits of its PDF's SHA-256." : $"No stored estimate with id '{id.Value}'.")))
            : (id, stored, null);
    }

    /// <summary>A document to start: who it is, how it came in, and how to store its PDF once the policy lets it run.</summary>
    private sealed record Start(DocumentId Id, string? FileName, DocumentSource Source, bool Force, bool RefuseOverBudget, Func<Task<BlobReference>> StorePdf);

    private async Task<IntakeOutcome> StartAsync(DurableTaskClient client, Start start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = start.Id.Value;
        if (await DocumentRunStarter.FindRunningAsync(client, id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        var decision = await policy.DecideAsync(id, start.Force, start.RefuseOverBudget, cancellationToken);
        if (decision.Outcome is { } early)
        {
            return early;
        }

        var model = decision.Model!;
        var settings = pipeline.CurrentValue;
        var request = new EstimateDocumentRequest(
            id, await start.StorePdf(), FileNames.Clean(start.FileName), start.Source, model,
            settings.MaxPagesInFlight, settings.ActivityAttempts, settings.ActivityFirstRetry, start.Force,
            shadow.CurrentValue.ChallengerFor(id, model), decision.RetryPages);
        return await starter.StartAsync(client, new RunRecord(request, time.GetUtcNow()), cancellationToken)
            ? new IntakeOutcome(IntakeStatus.Started, id, model, Notice: decision.Notice, RetryPages: decision.RetryPages)
            : new IntakeOutcome(IntakeStatus.InProgress, id);
    }

    /// <summary>
    /// Stores a refused PDF's record as a failed document estimate, unless the document is being estimated or already
    /// has an estimate (which a refusal never overwrites).
    /// </summary>
    private async Task<IntakeOutcome> RecordRejectedAsync(
        DurableTaskClient client, DocumentId documentId, string? fileName, DocumentSource source, RenderError error, CancellationToken cancellationToken)
    {
        var id = documentId.Value;
        if (await DocumentRunStarter.FindRunningAsync(client, id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.InProgress, id);
        }

        if (await estimates.GetAsync(id, cancellationToken) is not null)
        {
            return new IntakeOutcome(IntakeStatus.AlreadyEstimated, id);
        }

        await estimates.SaveAsync(DocumentEstimate.Rejected(id, FileNames.Clean(fileName), source, error, time.GetUtcNow()), ifMatch: null, cancellationToken);
        return IntakeOutcome.Refused(id, IntakeError.From(error));
    }

    private Task<BlobReference> StoreSpooledAsync(SpooledPdf spooled, CancellationToken cancellationToken)
    {
        spooled.File.Position = 0;
        return drawings.StoreAsync(spooled.Id, spooled.File, cancellationToken);
    }
}
