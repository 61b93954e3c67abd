using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>The pipeline's first step: a stored PDF's pages, or its typed bad-input error.</summary>
/// <param name="pdfs">The local copy of the stored PDF.</param>
/// <param name="inspector">Reads the page count and sizes.</param>
public sealed class InspectStep(PdfCache pdfs, IPdfInspector inspector)
{
    /// <summary>Reads a stored PDF's pages, or its typed bad-input error.</summary>
    public async Task<InspectionOutcome> InspectAsync(string documentId, BlobReference pdfBlob, CancellationToken cancellationToken)
    {
        using var pdf = await pdfs.AcquireAsync(documentId, pdfBlob, cancellationToken);
        var inspection = await inspector.InspectAsync(pdf.Path, cancellationToken);
        return inspection.Succeeded
            ? new InspectionOutcome(inspection.Value.Pages, null)
            : new InspectionOutcome([], inspection.Error);
    }
}
