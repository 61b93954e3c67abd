namespace TimeVision.Core.Estimating.Rendering;

/// <summary>Renders one PDF page to a PNG image.</summary>
public interface IPageRenderer
{
    /// <summary>
    /// Renders <paramref name="page"/> of <paramref name="pdfPath"/> as PNG into <paramref name="destination"/>.
    /// The same file, page and options always give the same bytes.
    /// </summary>
    /// <param name="pdfPath">Path of the PDF.</param>
    /// <param name="page">The page, as <see cref="IPdfInspector"/> described it.</param>
    /// <param name="destination">Receives the PNG. On failure it may hold a partial image: discard it.</param>
    /// <param name="cancellationToken">Cancels the render and stops the renderer process.</param>
    /// <returns>The rendered page's size, or a <see cref="RenderError"/> with its stable code.</returns>
    Task<RenderResult<RenderedPage>> RenderPageAsync(
        string pdfPath, PdfPageInfo page, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// Renders <paramref name="page"/> as PNG no longer than <paramref name="maxLongSidePx"/> on its longest side: framed
    /// as <see cref="RenderPageAsync(string, PdfPageInfo, Stream, CancellationToken)"/> frames it (DPI target, pixel
    /// caps, <see cref="RenderErrorCode.PageTooLarge"/>), then, when longer, rendered directly at the smaller size a
    /// downscale of that frame would have (<see cref="PageFrame.ScaledToFit"/>), not rendered large and shrunk.
    /// </summary>
    /// <param name="pdfPath">Path of the PDF.</param>
    /// <param name="page">The page, as <see cref="IPdfInspector"/> described it.</param>
    /// <param name="maxLongSidePx">The longest side of the image wanted, e.g. the largest a model is sent.</param>
    /// <param name="destination">Receives the PNG. On failure it may hold a partial image: discard it.</param>
    /// <param name="cancellationToken">Cancels the render and stops the renderer process.</param>
    /// <returns>The rendered page's size, or a <see cref="RenderError"/> with its stable code.</returns>
    Task<RenderResult<RenderedPage>> RenderPageAsync(
        string pdfPath, PdfPageInfo page, int maxLongSidePx, Stream destination, CancellationToken cancellationToken);
}
