using System.Globalization;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Reads drawing facts from a PDF's text layer, deterministically and without a model. A page without a usable text
/// layer gets no facts and the <c>no_text_layer</c> flag: nothing is guessed.
/// </summary>
/// <param name="text">Reads the text layer with positions.</param>
public sealed class DrawingFactsReader(PopplerTextReader text)
{
    /// <summary>Fewer words than this is not a text layer but a stray label (or nothing).</summary>
    public const int MinimumWords = 5;

    /// <summary>The facts of every page (or of one page).</summary>
    /// <exception cref="InvalidOperationException">pdftotext or pdfinfo is missing or failed.</exception>
    /// <exception cref="TimeoutException">Poppler ran longer than <see cref="RenderingOptions.TextLayerTimeout"/> and was stopped.</exception>
    public async Task<IReadOnlyList<PageFacts>> ReadAsync(string pdfPath, int? page, CancellationToken cancellationToken)
    {
        var pages = await text.ReadAsync(pdfPath, page, page, cancellationToken);
        return Consolidate([.. pages.Select(Read)]);
    }

    /// <summary>
    /// The facts of one page, or why its text layer could not be read (<see cref="RenderErrorCode.RenderTimeout"/> past
    /// <see cref="RenderingOptions.TextLayerTimeout"/>, <see cref="RenderErrorCode.RenderOutOfMemory"/>,
    /// <see cref="RenderErrorCode.Corrupt"/>, <see cref="RenderErrorCode.RendererMissing"/>). Facts never fail a page: a caller estimates it without them then.
    /// </summary>
    /// <param name="pdfPath">Path of the PDF.</param>
    /// <param name="page">The 1-based page.</param>
    /// <param name="cancellationToken">Stops pdftotext; the only way this throws.</param>
    public async Task<RenderResult<PageFacts>> ReadPageAsync(string pdfPath, int page, CancellationToken cancellationToken) =>
        FactsOf(await text.TryReadAsync(pdfPath, page, page, cancellationToken), page);

    /// <summary>
    /// The facts of one page already inspected (<see cref="IPdfInspector"/>), or why its text layer could not be read, as
    /// <see cref="ReadPageAsync(string, int, CancellationToken)"/> says; its known rotation spares asking Poppler for it again.
    /// </summary>
    /// <param name="pdfPath">Path of the PDF.</param>
    /// <param name="page">The page, with its rotation.</param>
    /// <param name="cancellationToken">Stops pdftotext; the only way this throws.</param>
    public async Task<RenderResult<PageFacts>> ReadPageAsync(string pdfPath, PdfPageInfo page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FactsOf(await text.TryReadAsync(pdfPath, page, cancellationToken), page.Number);
    }

    private static RenderResult<PageFacts> FactsOf(RenderResult<IReadOnlyList<TextPage>> textLayer, int page)
    {
        if (!textLayer.Succeeded)
        {
            return RenderResult<PageFacts>.Failure(textLayer.Error);
        }

        return textLayer.Value.Count == 0
            ? RenderResult<PageFacts>.Failure(RenderErrorCode.Corrupt, string.Create(CultureInfo.InvariantCulture, $"pdftotext read no text layer for page {page}."))
            : RenderResult<PageFacts>.Success(Consolidate([Read(textLayer.Value[0])])[0]);
    }

    /// <summary>
    /// One drawing has one set of units: when the numbers on some sheet contradict the template's millimetre note,
    /// every sheet carrying that same note gets the numbers' answer too.
    /// </summary>
    public static IReadOnlyList<PageFacts> Consolidate(IReadOnlyList<PageFacts> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var contradicted = pages.FirstOrDefault(p => p.Flags.Contains(UnitsNoteContradicted))?.TitleBlock.Units;
        if (contradicted is null)
        {
            return pages;
        }

        return [.. pages.Select(p => p.TitleBlock.Units is { Value: "mm", Confidence: FactConfidence.High }
            ? p with { TitleBlock = p.TitleBlock with { Units = contradicted }, Flags = [.. p.Flags, UnitsNoteContradicted] }
            : p)];
    }

    /// <summary>Flag on a page whose unit note the numbers contradict.</summary>
    public const string UnitsNoteContradicted = "units_note_contradicted";

    /// <summary>The facts of one page's text.</summary>
    public static PageFacts Read(TextPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var wordCount = page.Lines.Sum(l => l.Words.Count);
        if (wordCount < MinimumWords)
        {
            return new PageFacts { Page = page.Number, WordCount = wordCount, WidthPt = page.Width, HeightPt = page.Height, Flags = [PageFacts.NoTextLayer] };
        }

        var features = FeatureReader.Read(page);
        var titleBlock = TitleBlockReader.Read(page);
        if (titleBlock.Material is null && FindMaterialAnywhere(page) is { } material)
        {
            titleBlock = titleBlock with { Material = material, MaterialGroup = MaterialCatalog.GroupOf(material.Value) };
        }

        var (units, unitsFlag) = NotesReader.Units(page, features);
        titleBlock = titleBlock with { Units = units, GeneralTolerance = NotesReader.GeneralTolerance(page) };
        return new PageFacts
        {
            Page = page.Number,
            WordCount = wordCount,
            WidthPt = page.Width,
            HeightPt = page.Height,
            Flags = unitsFlag is null ? [] : [unitsFlag],
            TitleBlock = titleBlock,
            Features = features,
        };
    }

    /// <summary>A material designation written anywhere on the sheet (drawings without a labelled field): medium confidence.</summary>
    private static DrawingFact? FindMaterialAnywhere(TextPage page)
    {
        foreach (var line in page.Lines)
        {
            if (MaterialCatalog.Find(line.Text) is { } found)
            {
                var value = line.Text.Length <= 40 ? line.Text.Trim() : found.Designation;
                return new DrawingFact(value, FactConfidence.Medium, new FactSource(page.Number, line.Text, line.Box));
            }
        }

        return null;
    }
}
