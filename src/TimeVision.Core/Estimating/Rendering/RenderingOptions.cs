using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>How drawing pages are rendered, bound from the <c>Rendering</c> configuration section.</summary>
public sealed class RenderingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Rendering";

    /// <summary>Target resolution; lowered for pages that would exceed the pixel caps. Default 300.</summary>
    [Range(36, 1200)]
    public double Dpi { get; set; } = 300;

    /// <summary>The longest side of a rendered page, in pixels. Default 4096.</summary>
    [Range(256, 16384)]
    public int MaxLongSidePx { get; set; } = 4096;

    /// <summary>The pixel budget of one page (width × height). Default 16,777,216 (4096²).</summary>
    [Range(65_536, 268_435_456)]
    public long MaxPixels { get; set; } = 4096L * 4096;

    /// <summary>
    /// The lowest resolution a page may be squeezed to in order to fit the caps; a page that would need less
    /// is reported as <see cref="RenderErrorCode.PageTooLarge"/>. Default 72 (one pixel per point).
    /// </summary>
    [Range(10, 1200)]
    public double MinDpi { get; set; } = 72;

    /// <summary>
    /// Render 8-bit grayscale instead of RGB. Drawings are line art: grayscale PNGs are about half the size
    /// and render faster (see the rendering benchmark). Default <see langword="true"/>.
    /// </summary>
    public bool Grayscale { get; set; } = true;

    /// <summary>The most pages a PDF may have. Default 50.</summary>
    [Range(1, 10_000)]
    public int MaxPages { get; set; } = 50;

    /// <summary>Hard limit for rendering one page; Poppler is killed when it runs over. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Hard limit for reading a PDF's structure (page count and sizes). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InspectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Hard limit for reading a PDF's text layer (<c>pdftotext</c>) for its facts; Poppler is killed when it runs over.
    /// A page whose text layer runs over is estimated without its facts. Default 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan TextLayerTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most address space one Poppler process may take, in MB (<c>prlimit --as</c>, Linux); a page that needs more
    /// fails with <c>render_out_of_memory</c> instead of taking the worker's memory. <c>0</c>: no limit. Default 1024.
    /// </summary>
    [Range(0, 65_536)]
    public int ChildMemoryLimitMb { get; set; } = 1024;

    /// <summary>
    /// <c>uid:gid</c> that Poppler runs as when this process runs as root (<c>setpriv</c>, Linux), so a hostile PDF
    /// reaches Poppler without root's rights; the container sets it. Empty, or not running as root: Poppler runs as this
    /// process does.
    /// </summary>
    [RegularExpression(@"^\d+:\d+$")]
    public string? ChildUser { get; set; }

    /// <summary>Folder holding Poppler's <c>pdfinfo</c>, <c>pdftocairo</c> and <c>pdftotext</c>; when empty they are looked up on <c>PATH</c>.</summary>
    public string? PopplerDirectory { get; set; }
}
