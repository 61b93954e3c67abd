using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>The orchestration's input: references and settings, never the PDF's bytes.</summary>
/// <param name="DocumentId">SHA-256 of the PDF; also the orchestration's instance id.</param>
/// <param name="Pdf">Where the PDF is stored.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Model">The model to ask.</param>
/// <param name="MaxPagesInFlight">Pages in flight at once.</param>
/// <param name="ActivityAttempts">Attempts per activity.</param>
/// <param name="ActivityFirstRetry">The durable retry's first wait.</param>
/// <param name="Force">Ask the model again even for pages with stored results.</param>
/// <param name="ShadowModel">The challenger that also estimates every page in shadow mode, when this document is sampled.</param>
/// <param name="RetryPages">
/// When set, a retry: only these pages run; every other page keeps its stored result. <see langword="null"/> runs every page.
/// </param>
public sealed record EstimateDocumentRequest(
    string DocumentId,
    BlobReference Pdf,
    string FileName,
    DocumentSource Source,
    ModelId Model,
    int MaxPagesInFlight,
    int ActivityAttempts,
    TimeSpan ActivityFirstRetry,
    bool Force,
    ModelId? ShadowModel = null,
    IReadOnlyList<int>? RetryPages = null);

/// <summary>What inspection found: the pages, or why the PDF cannot be used.</summary>
/// <param name="Pages">The pages, when the PDF is usable.</param>
/// <param name="Error">The typed bad-input error, when it is not.</param>
public sealed record InspectionOutcome(IReadOnlyList<PdfPageInfo> Pages, RenderError? Error);

/// <summary>Input of the render activity.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Pdf">Where the PDF is stored.</param>
/// <param name="Page">The page to render.</param>
public sealed record RenderPageRequest(string DocumentId, BlobReference Pdf, PdfPageInfo Page);

/// <summary>Output of the render activity: a reference to the stored image, never its bytes.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Image">The stored PNG, when the page rendered.</param>
/// <param name="Error">Why it did not, when it did not.</param>
/// <param name="Facts">The facts read from the page's text layer, stored beside the image (none when reading failed).</param>
public sealed record RenderedPageReference(int Page, BlobReference? Image, RenderError? Error, BlobReference? Facts = null);

/// <summary>Input of the estimate activity.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Image">The stored page image.</param>
/// <param name="Model">The model to ask.</param>
/// <param name="Force">Ask again even when a stored result exists.</param>
/// <param name="Facts">The page's text-layer facts, for grounding, answer checks and the offline estimate.</param>
public sealed record EstimatePageRequest(string DocumentId, int Page, BlobReference Image, ModelId Model, bool Force, BlobReference? Facts = null);

/// <summary>
/// Where the estimate activity stored a page's result, and how it ended: the key the save step reads it by, so the
/// result itself never travels through orchestration history.
/// </summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Model">The model asked.</param>
/// <param name="PromptHash">The prompt hash the result is stored under.</param>
/// <param name="Status">How the page ended, for progress and logs.</param>
public sealed record PageResultReference(int Page, ModelId Model, string PromptHash, PageEstimateStatus Status)
{
    /// <summary>The reference to a stored result.</summary>
    public static PageResultReference Of(int page, PageEstimateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PageResultReference(page, ModelId.Parse(result.Model), result.PromptHash, result.Status);
    }
}

/// <summary>One page's outcome, as the orchestration collects it: references only.</summary>
/// <param name="Rendered">The render's outcome.</param>
/// <param name="Result">Where the model's result is stored, when the page rendered.</param>
/// <param name="Shadow">Where the challenger's result is stored, in shadow mode.</param>
public sealed record PageOutcome(RenderedPageReference Rendered, PageResultReference? Result, PageResultReference? Shadow = null);

/// <summary>One page's outcome with its stored results read back, as the save step assembles the document.</summary>
/// <param name="Rendered">The render's outcome.</param>
/// <param name="Result">The model's result, when the page rendered.</param>
/// <param name="ShadowResult">The challenger's result in shadow mode.</param>
public sealed record ResolvedPage(RenderedPageReference Rendered, PageEstimateResult? Result, PageEstimateResult? ShadowResult = null);

/// <summary>Input of the save activity.</summary>
/// <param name="Request">The orchestration's input.</param>
/// <param name="Inspection">What inspection found.</param>
/// <param name="Pages">Every page's outcome, in order.</param>
/// <param name="CreatedAt">When the orchestration started (replay-safe time).</param>
public sealed record SaveDocumentRequest(
    EstimateDocumentRequest Request, InspectionOutcome Inspection, IReadOnlyList<PageOutcome> Pages, DateTimeOffset CreatedAt);

/// <summary>The orchestration's output: small, for status queries.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Status">Completed, partial or failed.</param>
/// <param name="TotalEstimatedMinutes">The total, when any page has an estimate.</param>
public sealed record DocumentSummary(string DocumentId, DocumentStatus Status, double? TotalEstimatedMinutes);

/// <summary>The orchestration's custom status, kept small.</summary>
/// <param name="Stage">Where the estimate is.</param>
/// <param name="PageCount">Pages in the PDF.</param>
/// <param name="PagesRendered">Pages rendered so far (failed renders count as done).</param>
/// <param name="PagesEstimated">Pages through the model so far.</param>
public sealed record PipelineProgress(PipelineStage Stage, int PageCount, int PagesRendered, int PagesEstimated);
