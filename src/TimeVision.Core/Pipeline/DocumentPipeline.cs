using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimates;
using TimeVision.Core.Estimates.Stores;
using TimeVision.Core.Facts;
using TimeVision.Core.History;
using TimeVision.Core.Offline;
using TimeVision.Core.Recovery;
using TimeVision.Core.Rendering;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;
using TimeVision.Core.Vision.Prompts;

namespace TimeVision.Core.Pipeline;

/// <summary>
/// The bodies of the pipeline's activities, as plain methods both hosts (CLI and Functions) call through their thin
/// activity adapters. Each works from references (blobs, ids) and is safe to run again.
/// </summary>
public sealed class DocumentPipeline
{
    private readonly IBlobStore _blobs;
    private readonly PdfCache _pdfs;
    private readonly IEstimateStore _estimates;
    private readonly IPdfInspector _inspector;
    private readonly IPageRenderer _renderer;
    private readonly IVisionEstimator _estimator;
    private readonly HistoryEstimator _history;
    private readonly HistoryExamples _examples;
    private readonly Calibration.CalibratedEstimates _calibrated;
    private readonly DrawingFactsReader _facts;
    private readonly PromptCatalog _prompts;
    private readonly IOptionsMonitor<VisionOptions> _vision;
    private readonly IRunJournal _runs;
    private readonly TimeProvider _time;
    private readonly ILogger<DocumentPipeline> _logger;
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Writes of a document estimate before a run of conflicting feedback writes fails the save (and the activity retries).</summary>
    private const int MaxSaveAttempts = 5;

    /// <summary>Creates the pipeline steps.</summary>
    public DocumentPipeline(
        IBlobStore blobs,
        PdfCache pdfs,
        IEstimateStore estimates,
        IPdfInspector inspector,
        IPageRenderer renderer,
        IVisionEstimator estimator,
        HistoryEstimator history,
        HistoryExamples examples,
        Calibration.CalibratedEstimates calibrated,
        DrawingFactsReader facts,
        PromptCatalog prompts,
        IOptionsMonitor<VisionOptions> vision,
        IRunJournal runs,
        TimeProvider time,
        ILogger<DocumentPipeline> logger)
    {
        _blobs = blobs;
        _pdfs = pdfs;
        _estimates = estimates;
        _inspector = inspector;
        _renderer = renderer;
        _estimator = estimator;
        _history = history;
        _examples = examples;
        _calibrated = calibrated;
        _facts = facts;
        _prompts = prompts;
        _vision = vision;
        _runs = runs;
        _time = time;
        _logger = logger;
    }

    /// <summary>The inspect activity's body: <see cref="InspectAsync(string, BlobReference, CancellationToken)"/>.</summary>
    public Task<InspectionOutcome> InspectAsync(EstimateDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InspectAsync(request.DocumentId, request.Pdf, cancellationToken);
    }

    /// <summary>Reads a stored PDF's pages, or its typed bad-input error.</summary>
    public async Task<InspectionOutcome> InspectAsync(string documentId, BlobReference pdfBlob, CancellationToken cancellationToken)
    {
        using var pdf = await _pdfs.AcquireAsync(documentId, pdfBlob, cancellationToken);
        var inspection = await _inspector.InspectAsync(pdf.Path, cancellationToken);
        return inspection.Succeeded
            ? new InspectionOutcome(inspection.Value.Pages, null)
            : new InspectionOutcome([], inspection.Error);
    }

    /// <summary>
    /// Renders one page and stores its PNG at <c>pages/&lt;documentId&gt;/page-NNN.png</c>, at the size the models are
    /// sent (<see cref="VisionOptions.LargestImageLongSidePx"/>): the stored image is what the model gets, encoded once.
    /// A page too small to hold a drawing (<see cref="PdfPageInfo.IsTooSmall"/>) is not rendered: it ends with
    /// <see cref="RenderErrorCode.PageTooSmall"/>, and with no image no model is asked about it.
    /// </summary>
    public async Task<RenderedPageReference> RenderPageAsync(RenderPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Page.IsTooSmall)
        {
            return new RenderedPageReference(request.Page.Number, null, new RenderError(
                RenderErrorCode.PageTooSmall,
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"Page {request.Page.Number} is {request.Page.ShortSideMm:0.##} mm on its short side, under {PdfPageInfo.SmallestShortSideMm} mm: no drawing fits, so it was skipped and not sent to a model.")));
        }

        using var pdf = await _pdfs.AcquireAsync(request.DocumentId, request.Pdf, cancellationToken);
        using var png = new MemoryStream();
        var rendered = await _renderer.RenderPageAsync(pdf.Path, request.Page, _vision.CurrentValue.LargestImageLongSidePx(), png, cancellationToken);
        if (!rendered.Succeeded)
        {
            return new RenderedPageReference(request.Page.Number, null, rendered.Error);
        }

        var image = BlobReference.Page(request.DocumentId, request.Page.Number);
        png.Position = 0;
        await _blobs.UploadAsync(image, png, cancellationToken);
        return new RenderedPageReference(request.Page.Number, image, null, await StoreFactsAsync(request, pdf.Path, cancellationToken));
    }

    /// <summary>
    /// Reads the page's text layer and stores its facts beside the image. A text layer that cannot be read never fails the
    /// page, running out of <see cref="RenderingOptions.TextLayerTimeout"/> included: the page's facts then say it could not
    /// be read, and why, rather than that it has none. Only the caller's cancellation stops it.
    /// </summary>
    private async Task<BlobReference?> StoreFactsAsync(RenderPageRequest request, string pdfPath, CancellationToken cancellationToken)
    {
        var read = await _facts.ReadPageAsync(pdfPath, request.Page.Number, cancellationToken);
        if (!read.Succeeded)
        {
            if (read.Error.Code == RenderErrorCode.RenderTimeout)
            {
                Log.FactsTimedOut(_logger, request.Page.Number);
            }
            else
            {
                Log.FactsUnreadable(_logger, request.Page.Number, read.Error.Code);
            }
        }

        var facts = read.Succeeded ? read.Value : PageFacts.Unreadable(request.Page.Number, read.Error);
        var reference = BlobReference.PageFacts(request.DocumentId, request.Page.Number);
        await _blobs.UploadAsync(reference, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(facts, FactsJson)), cancellationToken);
        return reference;
    }

    private async Task<PageFacts?> LoadFactsAsync(BlobReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        using var json = new MemoryStream();
        return await _blobs.DownloadToAsync(reference, json, cancellationToken)
            ? JsonSerializer.Deserialize<PageFacts>(json.GetBuffer().AsSpan(0, (int)json.Length), FactsJson)
            : null;
    }

    /// <summary>The estimate activity's body: <see cref="EstimatePageAsync(EstimatePageRequest, CancellationToken)"/>, returning only where the result is stored.</summary>
    public async Task<PageResultReference> EstimateStoredPageAsync(EstimatePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResultReference.Of(request.Page, await EstimatePageAsync(request, cancellationToken));
    }

    /// <summary>
    /// Sends one page to the model, unless a reusable result for this document, page, model and prompt is already
    /// stored (then that result is returned and the model is not called). Every new result is stored at once; a
    /// retryable failure (<see cref="PageEstimateResult.Retryable"/>: an outage, a wrong key, an unknown model, a
    /// rejected parameter) is stored for the document but never reused, so the page is asked again next time.
    /// </summary>
    public Task<PageEstimateResult> EstimatePageAsync(EstimatePageRequest request, CancellationToken cancellationToken) =>
        EstimatePageAsync(request, holdout: null, cancellationToken);

    /// <summary>
    /// Estimates a page as <see cref="EstimatePageAsync(EstimatePageRequest, CancellationToken)"/>; when the model's prompt
    /// shows similar past parts, none comes from a document <paramref name="holdout"/> holds out (an evaluation's
    /// validation side), and the answer is stored under a hash of its own, so an answer that saw other labels is never
    /// reused under this rule, nor this one elsewhere.
    /// </summary>
    public async Task<PageEstimateResult> EstimatePageAsync(EstimatePageRequest request, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offline = request.Model == ModelIds.Offline;
        if (!request.Force && await StoredPageResultAsync(request.DocumentId, request.Page, request.Model, holdout, cancellationToken) is { } stored)
        {
            Log.PageResultReused(_logger, request.Page);
            return stored;
        }

        var facts = await LoadFactsAsync(request.Facts, cancellationToken);
        PageEstimateResult result;
        if (offline)
        {
            result = OfflineEstimator.Estimate(facts);
        }
        else if (request.Model == ModelIds.History)
        {
            result = await _history.EstimatePageAsync(request.DocumentId, facts, heldOut: null, cancellationToken);
        }
        else
        {
            using var png = new MemoryStream();
            if (!await _blobs.DownloadToAsync(request.Image, png, cancellationToken))
            {
                throw new InvalidOperationException($"The page image {request.Image} is missing.");
            }

            var prompt = _prompts.ForModel(request.Model);
            var examples = prompt.HistoryExamples > 0
                ? await _examples.ForPageAsync(request.DocumentId, facts, prompt.HistoryExamples, prompt.HistoryImages, holdout, cancellationToken)
                : null;
            result = await _estimator.EstimatePageAsync(BinaryData.FromBytes(png.GetBuffer().AsMemory(0, (int)png.Length)), request.Model, facts, examples, cancellationToken);
            if (holdout is not null && prompt.HistoryExamples > 0)
            {
                result = result with { PromptHash = HeldOutHash(result.PromptHash, holdout) };
            }
        }

        await _estimates.SavePageResultAsync(request.DocumentId, request.Page, result, cancellationToken);
        return result;
    }

    /// <summary>The hash page results of <paramref name="model"/> are stored under: its prompt's, or the offline or history estimator's.</summary>
    public string PromptHashFor(string model) => model switch
    {
        ModelIds.Offline => OfflineEstimator.Hash,
        ModelIds.History => HistoryEstimator.Hash,
        _ => _prompts.ForModel(model).Hash,
    };

    /// <summary>
    /// The stored result of a page for a model and its current prompt that can stand as the page's answer (asking again
    /// would cost nothing new); a retryable failure never does.
    /// </summary>
    public Task<PageEstimateResult?> StoredPageResultAsync(string documentId, int page, string model, CancellationToken cancellationToken) =>
        StoredPageResultAsync(documentId, page, model, holdout: null, cancellationToken);

    /// <summary>The stored result as <see cref="StoredPageResultAsync(string, int, string, CancellationToken)"/>, asked under <paramref name="holdout"/>.</summary>
    public async Task<PageEstimateResult?> StoredPageResultAsync(string documentId, int page, string model, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        var hash = PromptHashFor(model);
        if (holdout is not null && !ModelIds.IsLocal(model) && _prompts.ForModel(model).HistoryExamples > 0)
        {
            hash = HeldOutHash(hash, holdout);
        }

        return await _estimates.GetPageResultAsync(documentId, page, model, hash, cancellationToken) is { Retryable: false } stored ? stored : null;
    }

    private static string HeldOutHash(string promptHash, HistoryHoldout holdout) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{promptHash}\0holdout:{holdout.Tag}")));

    /// <summary>
    /// Fans the pages back in, reading each page's stored result by its key, and stores the document estimate. A retry
    /// keeps every page it did not run from the stored estimate. The write is conditional on the stored copy read, and
    /// is read, merged and written again when feedback arrived in between: the shop's real times are never lost.
    /// </summary>
    public async Task<DocumentSummary> SaveAsync(SaveDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pages = new List<ResolvedPage>(request.Pages.Count);
        foreach (var outcome in request.Pages)
        {
            pages.Add(new ResolvedPage(
                outcome.Rendered,
                await ReadResultAsync(request.Request.DocumentId, outcome.Result, cancellationToken),
                await ReadResultAsync(request.Request.DocumentId, outcome.Shadow, cancellationToken)));
        }

        for (var attempt = 1; ; attempt++)
        {
            var previous = await _estimates.GetAsync(request.Request.DocumentId, cancellationToken);
            var document = await _calibrated.ApplyAsync(Assemble(request, pages, previous, _time.GetUtcNow()), cancellationToken);
            try
            {
                await _estimates.SaveAsync(document, previous?.ETag, cancellationToken);
                await _runs.RemoveAsync(document.Id, cancellationToken);
                Log.DocumentSaved(_logger, document.Status, document.PageCount);
                return new DocumentSummary(document.Id, document.Status, document.TotalEstimatedMinutes);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxSaveAttempts)
            {
                Log.DocumentChangedWhileSaving(_logger, attempt);
            }
        }
    }

    private async Task<PageEstimateResult?> ReadResultAsync(string documentId, PageResultReference? reference, CancellationToken cancellationToken) =>
        reference is null
            ? null
            : await _estimates.GetPageResultAsync(documentId, reference.Page, reference.Model, reference.PromptHash, cancellationToken)
                ?? throw new InvalidOperationException($"The stored result of page {reference.Page} for {reference.Model} is missing.");

    /// <summary>
    /// The document estimate for a finished run, from its pages with their stored results; a retry's other pages and
    /// the shop's feedback come from the stored estimate.
    /// </summary>
    private static DocumentEstimate Assemble(
        SaveDocumentRequest request, IReadOnlyList<ResolvedPage> resolved, DocumentEstimate? previous, DateTimeOffset completedAt)
    {
        var retry = request.Request.RetryPages is not null && previous is not null;
        var ran = resolved.Select(ToDocumentPage).ToList();
        var pages = retry ? Merge(previous!.Pages, ran) : ran;
        var (parts, total, models, status) = DocumentAggregator.Aggregate(pages);
        var shadow = retry ? previous!.Shadow : null;
        if (request.Request.ShadowModel is { } challenger && resolved.Any(p => p.ShadowResult is not null))
        {
            var shadowRan = resolved.Select(p => ToDocumentPage(p with { Result = p.ShadowResult })).ToList();
            var shadowPages = shadow is { } kept && kept.Model == challenger ? Merge(kept.Pages, shadowRan) : shadowRan;
            var shadowed = DocumentAggregator.Aggregate(shadowPages);
            shadow = new ShadowEstimate(challenger, shadowed.Total, shadowed.Status, shadowPages);
        }

        return new DocumentEstimate
        {
            Id = request.Request.DocumentId,
            FileName = request.Request.FileName,
            Source = request.Request.Source,
            Status = request.Inspection.Error is null ? status : DocumentStatus.Failed,
            Error = request.Inspection.Error,
            PageCount = request.Inspection.Pages.Count,
            Pages = pages,
            Parts = parts,
            TotalEstimatedMinutes = total,
            Models = models,
            Shadow = shadow,
            CreatedAt = retry ? previous!.CreatedAt : request.CreatedAt,
            CompletedAt = completedAt,
            Feedback = previous?.Feedback,
            Pdf = request.Request.Pdf,
            Retries = retry ? previous!.Retries + 1 : 0,
        };
    }

    /// <summary>
    /// The stored pages with the ones that ran in their place. A page whose render was stopped for time again counts
    /// its runs (<see cref="RenderError.Runs"/>), so it is retried once and then final (<see cref="RetryableFailures"/>).
    /// </summary>
    private static List<DocumentPage> Merge(IReadOnlyList<DocumentPage> stored, IReadOnlyList<DocumentPage> ran)
    {
        var replaced = ran.Select(page => page.RenderError is { Code: RenderErrorCode.RenderTimeout } again
                && stored.FirstOrDefault(kept => kept.Page == page.Page)?.RenderError is { Code: RenderErrorCode.RenderTimeout } before
                ? page with { RenderError = again with { Runs = (before.Runs ?? 1) + 1 } }
                : page)
            .ToDictionary(page => page.Page);
        return stored.Select(page => replaced.GetValueOrDefault(page.Page) ?? page)
            .Concat(ran.Where(page => stored.All(kept => kept.Page != page.Page)))
            .OrderBy(page => page.Page)
            .ToList();
    }

    private static DocumentPage ToDocumentPage(ResolvedPage outcome) => new(
        outcome.Rendered.Page,
        outcome.Result?.Status ?? PageEstimateStatus.Failed,
        outcome.Rendered.Image,
        outcome.Rendered.Error,
        outcome.Result,
        outcome.Rendered.Facts);
}
