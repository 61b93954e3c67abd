namespace TimeVision.Core.Estimating.Rendering;

/// <summary>A page rendered to PNG.</summary>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="WidthPx">Image width in pixels.</param>
/// <param name="HeightPx">Image height in pixels.</param>
/// <param name="Dpi">The resolution used, after the pixel caps were applied.</param>
/// <param name="Grayscale">Whether the PNG is 8-bit grayscale (otherwise 8-bit RGB).</param>
/// <param name="Bytes">Size of the PNG written.</param>
public sealed record RenderedPage(int PageNumber, int WidthPx, int HeightPx, double Dpi, bool Grayscale, long Bytes);
