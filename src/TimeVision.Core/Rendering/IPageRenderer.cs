namespace TimeVision.Core.Rendering;

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
}
