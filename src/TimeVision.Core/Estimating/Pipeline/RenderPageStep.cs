using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Renders one page and stores its PNG at <c>pages/&lt;documentId&gt;/page-NNN.png</c>, at the size the models are
/// sent (<see cref="VisionOptions.LargestImageLongSidePx"/>), with the facts of its text layer beside it.
/// </summary>
/// <param name="blobs">Where the image goes.</param>
/// <param name="pdfs">The local copy of the stored PDF.</param>
/// <param name="renderer">Renders the page.</param>
/// <param name="facts">Reads the page's text layer.</param>
/// <param name="storedFacts">Stores the facts beside the image.</param>
/// <param name="vision">The models' largest image size.</param>
/// <param name="logger">Says when a text layer could not be read.</param>
public sealed class RenderPageStep(
    IBlobStore blobs,
    PdfCache pdfs,
    IPageRenderer renderer,
    DrawingFactsReader facts,
    StoredPageFacts storedFacts,
    IOptionsMonitor<VisionOptions> vision,
    ILogger<RenderPageStep> logger)
{
    /// <summary>
    /// Renders and stores one page, the stored image being what the model gets, encoded once. A page too small to hold a
    /// drawing (<see cref="PdfPageInfo.IsTooSmall"/>) is not rendered: it ends with
    /// <see cref="RenderErrorCode.PageTooSmall"/>, and with no image no model is asked about it.
    /// </summary>
    public async Task<RenderedPageReference> RenderPageAsync(RenderPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Page.IsTooSmall)
        {
            return new RenderedPageReference(request.Page.Number, null, new RenderError(
                RenderErrorCode.PageTooSmall,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Page {request.Page.Number} is {request.Page.ShortSideMm:0.##} mm on its short side, under {PdfPageInfo.SmallestShortSideMm} mm: no drawing fits, so it was skipped and not sent to a model.")));
        }

        using var pdf = await pdfs.AcquireAsync(request.DocumentId, request.Pdf, cancellationToken);
        using var png = new MemoryStream();
        var rendered = await renderer.RenderPageAsync(pdf.Path, request.Page, vision.CurrentValue.LargestImageLongSidePx(), png, cancellationToken);
        if (!rendered.Succeeded)
        {
            return new RenderedPageReference(request.Page.Number, null, rendered.Error);
        }

        var image = BlobReference.Page(request.DocumentId, request.Page.Number);
        png.Position = 0;
        await blobs.UploadAsync(image, png, cancellationToken);
        return new RenderedPageReference(request.Page.Number, image, null, await StoreFactsAsync(request, pdf.Path, cancellationToken));
    }

    /// <summary>
    /// Reads the page's text layer and stores its facts beside the image. A text layer that cannot be read never fails the
    /// page, running out of <see cref="RenderingOptions.TextLayerTimeout"/> included: the page's facts then say it could not
    /// be read, and why, rather than that it has none. Only the caller's cancellation stops it.
    /// </summary>
    private async Task<BlobReference?> StoreFactsAsync(RenderPageRequest request, string pdfPath, CancellationToken cancellationToken)
    {
        var read = await facts.ReadPageAsync(pdfPath, request.Page, cancellationToken);
        if (!read.Succeeded)
        {
            if (read.Error.Code == RenderErrorCode.RenderTimeout)
            {
                Log.FactsTimedOut(logger, request.Page.Number);
            }
            else
            {
                Log.FactsUnreadable(logger, request.Page.Number, read.Error.Code);
            }
        }

        var pageFacts = read.Succeeded ? read.Value : PageFacts.Unreadable(request.Page.Number, read.Error);
        return await storedFacts.StoreAsync(request.DocumentId, request.Page.Number, pageFacts, cancellationToken);
    }
}
