namespace TimeVision.Core.Estimating.Rendering;

/// <summary>Reads a PDF's page count and page sizes, or says precisely why it cannot be used.</summary>
public interface IPdfInspector
{
    /// <summary>Inspects a PDF file.</summary>
    /// <param name="pdfPath">Path of the file to inspect.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    /// <returns>The document's pages, or a <see cref="RenderError"/> with its stable code.</returns>
    Task<RenderResult<PdfDocumentInfo>> InspectAsync(string pdfPath, CancellationToken cancellationToken);
}
