using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>
/// Why a PDF or one of its pages could not be rendered. The JSON names are stable codes that
/// callers, stored documents and the CLI's exit contract depend on: never rename them.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RenderErrorCode>))]
public enum RenderErrorCode
{
    /// <summary>The bytes are not a PDF (no <c>%PDF-</c> header).</summary>
    [JsonStringEnumMemberName("not_pdf")]
    NotPdf,

    /// <summary>The PDF needs a password to open.</summary>
    [JsonStringEnumMemberName("encrypted")]
    Encrypted,

    /// <summary>The PDF is unreadable or truncated.</summary>
    [JsonStringEnumMemberName("corrupt")]
    Corrupt,

    /// <summary>The PDF is valid but has no pages.</summary>
    [JsonStringEnumMemberName("no_pages")]
    NoPages,

    /// <summary>The PDF has more pages than the configured cap.</summary>
    [JsonStringEnumMemberName("too_many_pages")]
    TooManyPages,

    /// <summary>A page exceeds the pixel budget even at the lowest allowed DPI.</summary>
    [JsonStringEnumMemberName("page_too_large")]
    PageTooLarge,

    /// <summary>
    /// A page under <see cref="PdfPageInfo.SmallestShortSideMm"/> on its short side: no drawing fits on it, so it is
    /// neither rendered nor sent to a model. Final: a retry would find the same page.
    /// </summary>
    [JsonStringEnumMemberName("page_too_small")]
    PageTooSmall,

    /// <summary>Poppler did not finish within the configured time and was stopped.</summary>
    [JsonStringEnumMemberName("render_timeout")]
    RenderTimeout,

    /// <summary>Poppler ran out of the memory it may take (<c>Rendering:ChildMemoryLimitMb</c>) and was stopped.</summary>
    [JsonStringEnumMemberName("render_out_of_memory")]
    RenderOutOfMemory,

    /// <summary>Poppler (<c>poppler-utils</c>) is not installed or not where configuration says.</summary>
    [JsonStringEnumMemberName("renderer_missing")]
    RendererMissing,

    /// <summary>The PDF is larger than the configured cap (<c>Pipeline:MaxPdfBytes</c>).</summary>
    [JsonStringEnumMemberName("too_large")]
    TooLarge,
}
