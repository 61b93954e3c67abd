using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>How the document pipeline runs, bound from the <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>
    /// The largest PDF taken in, in bytes, however it comes (an HTTP upload, a blob dropped into <c>drawings</c>): a
    /// larger one is refused with <c>too_large</c> before it is rendered. Default 50 MB.
    /// </summary>
    [Range(1, 1L << 32)]
    public long MaxPdfBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Pages of one document in flight at once (each renders, then goes to the model), so a 50-page PDF cannot flood
    /// the model's rate limit. Default 8.
    /// </summary>
    [Range(1, 64)]
    public int MaxPagesInFlight { get; set; } = 8;

    /// <summary>Attempts of an activity before the durable retry gives up (the estimator retries rate limits itself). Default 3.</summary>
    [Range(1, 10)]
    public int ActivityAttempts { get; set; } = 3;

    /// <summary>The durable retry's first wait, doubling after. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ActivityFirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes of PDFs a worker keeps on local disk, so each document is downloaded once per worker, not once per
    /// activity; least recently used ones go first. 0 keeps none beyond their use. Default 512 MB.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long PdfCacheBytes { get; set; } = 512L * 1024 * 1024;
}
