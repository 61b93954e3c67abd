namespace TimeVision.Core.Estimating.Rendering;

/// <summary>What inspection learned about a PDF: its pages and their sizes.</summary>
/// <param name="Pages">Every page, in order.</param>
public sealed record PdfDocumentInfo(IReadOnlyList<PdfPageInfo> Pages)
{
    /// <summary>The number of pages.</summary>
    public int PageCount => Pages.Count;
}
