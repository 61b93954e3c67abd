using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The pipeline's last step: fans the pages back in, reading each page's stored result by its key, assembles the
/// document estimate (a retry keeps every page it did not run from the stored estimate, and the shop's feedback and
/// the estimator's features are kept), adds its features and process plan, applies the model's calibration, chooses
/// its headline number and saves it. The write is conditional on the stored copy read, and is read, merged and written again when feedback arrived
/// in between: the shop's real times are never lost.
/// </summary>
/// <param name="estimates">The stored estimates and page results.</param>
/// <param name="calibrated">Adds the calibrated times.</param>
/// <param name="plans">Adds the features and the process plan.</param>
/// <param name="headlines">Chooses which number heads it, the engine's or the model's.</param>
/// <param name="runs">Forgets the run once its estimate is saved.</param>
/// <param name="time">When the run completed.</param>
/// <param name="logger">Says what was saved.</param>
public sealed class DocumentAssembler(
    IEstimateStore estimates,
    IDocumentCalibration calibrated,
    EstimatePlans plans,
    EstimateHeadlines headlines,
    IRunJournal runs,
    TimeProvider time,
    ILogger<DocumentAssembler> logger)
{
    /// <summary>Writes of a document estimate before a run of conflicting feedback writes fails the save (and the activity retries).</summary>
    private const int MaxSaveAttempts = 5;

    /// <summary>Assembles and stores the document estimate of a finished run.</summary>
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
            var previous = await estimates.GetAsync(request.Request.DocumentId, cancellationToken);
            var planned = await plans.PlanAsync(Assemble(request, pages, previous, time.GetUtcNow()), previous?.Features, cancellationToken);
            var document = await headlines.ChooseAsync(await calibrated.ApplyAsync(planned, cancellationToken), cancellationToken);
            try
            {
                await estimates.SaveAsync(document, previous?.ETag, cancellationToken);
                await runs.RemoveAsync(document.Id, cancellationToken);
                Log.DocumentSaved(logger, document.Status, document.PageCount);
                return new DocumentSummary(document.Id, document.Status, document.TotalEstimatedMinutes);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxSaveAttempts)
            {
                Log.DocumentChangedWhileSaving(logger, attempt);
            }
        }
    }

    private async Task<PageEstimateResult?> ReadResultAsync(string documentId, PageResultReference? reference, CancellationToken cancellationToken) =>
        reference is null
            ? null
            : await estimates.GetPageResultAsync(documentId, reference.Page, reference.Model.Value, reference.PromptHash, cancellationToken)
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
            Shadow = Shadow(request, resolved, retry ? previous!.Shadow : null),
            CreatedAt = retry ? previous!.CreatedAt : request.CreatedAt,
            CompletedAt = completedAt,
            Feedback = previous?.Feedback,
            Pdf = request.Request.Pdf,
            Retries = retry ? previous!.Retries + 1 : 0,
        };
    }

    /// <summary>The challenger's estimate in shadow mode: the pages it ran, merged into the kept ones when it is the same challenger.</summary>
    private static ShadowEstimate? Shadow(SaveDocumentRequest request, IReadOnlyList<ResolvedPage> resolved, ShadowEstimate? kept)
    {
        if (request.Request.ShadowModel is not { } challenger || !resolved.Any(p => p.ShadowResult is not null))
        {
            return kept;
        }

        var shadowRan = resolved.Select(p => ToDocumentPage(p with { Result = p.ShadowResult })).ToList();
        var shadowPages = kept is not null && kept.Model == challenger.Value ? Merge(kept.Pages, shadowRan) : shadowRan;
        var shadowed = DocumentAggregator.Aggregate(shadowPages);
        return new ShadowEstimate(challenger.Value, shadowed.Total, shadowed.Status, shadowPages);
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
