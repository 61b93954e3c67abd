using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>How a whole document ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentStatus>))]
public enum DocumentStatus
{
    /// <summary>Every page has an estimate.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Some pages have estimates; the others are blocked or failed, each with its reason.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>No page has an estimate, or the PDF itself was rejected.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>
    /// Brought in by a history import (<c>timevision import</c>, <c>POST /api/history/imports</c>): pages rendered and
    /// their text-layer facts read, no model asked. Its labels are the shop's; an estimate may follow.
    /// </summary>
    [JsonStringEnumMemberName("imported")]
    Imported,
}

/// <summary>
/// One PDF's estimate: every page's result, the pages grouped into parts, and the total. Its <see cref="Id"/> is the
/// PDF's SHA-256, so the same file is the same document.
/// </summary>
public sealed record DocumentEstimate
{
    private readonly EstimateHeadline? _headline;

    /// <summary>SHA-256 of the PDF (hex).</summary>
    public required string Id { get; init; }

    /// <summary>The file name as uploaded.</summary>
    public required string FileName { get; init; }

    /// <summary>Where it came from.</summary>
    public required DocumentSource Source { get; init; }

    /// <summary>Completed, partial, failed, or imported (no estimate asked yet).</summary>
    public required DocumentStatus Status { get; init; }

    /// <summary>Why the whole document failed (a rendering error code such as <c>not_pdf</c>), if it did.</summary>
    public RenderError? Error { get; init; }

    /// <summary>Pages in the PDF (0 when it could not be read).</summary>
    public required int PageCount { get; init; }

    /// <summary>Every page, in order.</summary>
    public required IReadOnlyList<DocumentPage> Pages { get; init; }

    /// <summary>
    /// The pages that failed for a cause of the moment or of configuration: the next submission of the same PDF, a
    /// retry request or the retry timer runs these pages again, and only these.
    /// </summary>
    public IReadOnlyList<int> RetryablePages => Pages.Where(page => page.Retryable).Select(page => page.Page).ToList();

    /// <summary>Where the PDF these pages were read from is stored, so a retry reads the same bytes.</summary>
    public BlobReference? Pdf { get; init; }

    /// <summary>How many retries of failed pages this document has had; the retry timer waits longer after each.</summary>
    public int Retries { get; init; }

    /// <summary>The parts: sheets grouped by drawing number (see <see cref="DocumentAggregator"/>).</summary>
    public required IReadOnlyList<PartEstimate> Parts { get; init; }

    /// <summary>Sum of the parts' minutes; <see langword="null"/> when no page has an estimate.</summary>
    public double? TotalEstimatedMinutes { get; init; }

    /// <summary>The sum of the parts' calibrated times, when every part has one.</summary>
    public double? CalibratedTimeMin { get; init; }

    /// <summary>The sum of the parts' calibrated intervals' ends.</summary>
    public EstimateInterval? CalibratedInterval { get; init; }

    /// <summary>The calibration applied (<c>&lt;model&gt; &lt;version&gt;</c>), when one was.</summary>
    public string? Calibration { get; init; }

    /// <summary>Which models estimated how many pages.</summary>
    public required IReadOnlyList<ModelUsage> Models { get; init; }

    /// <summary>When the estimate was started.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The shop's real times for the document or its parts, in the order they were entered.</summary>
    public IReadOnlyList<ShopFeedback>? Feedback { get; init; }

    /// <summary>
    /// The challenger's estimate in shadow mode, stored beside the primary: never the answer, never exported for
    /// training; <c>timevision eval --shadow</c> compares the two once feedback arrives.
    /// </summary>
    public ShadowEstimate? Shadow { get; init; }

    /// <summary>
    /// The part's features as the text layer, the model and the estimator read them, merged; absent on estimates made
    /// before features were kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DocumentFeatures? Features { get; init; }

    /// <summary>The process plan made from <see cref="Features"/> with its versions, or why there is none; absent on older estimates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DocumentPlan? Plan { get; init; }

    /// <summary>
    /// Which number heads the estimate, the engine's or the model's, why, and the other beside it
    /// (<see cref="HeadlineRule"/>). An estimate stored before headlines were chosen reads as before: the model's
    /// minutes head (<see cref="HeadlineRule.BeforeHeadlines"/>). Absent when there is neither number.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EstimateHeadline? Headline
    {
        get => _headline ?? HeadlineRule.BeforeHeadlines(this);
        init => _headline = value;
    }

    /// <summary>
    /// When it was deleted: off the list of documents (a customer asked), kept until an admin purges it, and back on the
    /// list when restored.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>When an admin purged its PDF and page images (after it was deleted); the estimate and its feedback stay.</summary>
    public DateTimeOffset? PurgedAt { get; init; }

    /// <summary>The optimistic-concurrency token of the stored copy; set by the store on read, not stored.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>The record of a PDF refused before any page was read (too large, say): failed, with the reason, no pages.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="fileName">Its file name, as it will be shown.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="error">Why it was refused.</param>
    /// <param name="at">When.</param>
    public static DocumentEstimate Rejected(string id, string fileName, DocumentSource source, RenderError error, DateTimeOffset at) => new()
    {
        Id = id,
        FileName = fileName,
        Source = source,
        Status = DocumentStatus.Failed,
        Error = error,
        PageCount = 0,
        Pages = [],
        Parts = [],
        Models = [],
        CreatedAt = at,
        CompletedAt = at,
    };
}

/// <summary>One page of a document.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Status">Completed, blocked or failed.</param>
/// <param name="Image">The rendered page's blob, when it rendered.</param>
/// <param name="RenderError">Why the page did not render, if it did not.</param>
/// <param name="Result">The vision model's result, when the page was sent.</param>
/// <param name="Facts">The facts read from the page's text layer (<c>timevision facts</c> shows the same), when read.</param>
public sealed record DocumentPage(
    int Page,
    PageEstimateStatus Status,
    BlobReference? Image,
    RenderError? RenderError,
    PageEstimateResult? Result,
    BlobReference? Facts = null)
{
    /// <summary>Whether the page failed for a cause a later try can get past (<see cref="RetryableFailures"/>).</summary>
    public bool Retryable => Result?.Retryable ?? RenderError?.IsRetryable() ?? false;
}

/// <summary>One part: the sheets that share a drawing number, or a single sheet without one.</summary>
/// <param name="Key">The drawing number, or <c>page-N</c> for a sheet without one.</param>
/// <param name="DrawingNumber">The drawing number, if read.</param>
/// <param name="PartName">The part name, if read.</param>
/// <param name="Sheets">The pages that show this part.</param>
/// <param name="Estimate">The estimate that stands for the part: its sheet with the most minutes.</param>
/// <param name="EstimatedMinutes">The part's spindle time.</param>
public sealed record PartEstimate(
    string Key,
    string? DrawingNumber,
    string? PartName,
    IReadOnlyList<int> Sheets,
    PageEstimate Estimate,
    double EstimatedMinutes)
{
    /// <summary>The model's time corrected by its calibration (<c>timevision calibrate</c>), when one exists for the answering model.</summary>
    public double? CalibratedTimeMin { get; init; }

    /// <summary>The range the calibrated time is expected to fall in.</summary>
    public EstimateInterval? CalibratedInterval { get; init; }
}

/// <summary>How many pages one model estimated.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Provider">Its provider tag.</param>
/// <param name="Pages">Pages it completed.</param>
public sealed record ModelUsage(string Model, string Provider, int Pages);

/// <summary>A challenger's estimate of a document in shadow mode.</summary>
/// <param name="Model">The challenger.</param>
/// <param name="TotalEstimatedMinutes">Its document total, when its pages completed.</param>
/// <param name="Status">How its pages ended.</param>
/// <param name="Pages">Its result per page.</param>
public sealed record ShadowEstimate(string Model, double? TotalEstimatedMinutes, DocumentStatus Status, IReadOnlyList<DocumentPage> Pages);
