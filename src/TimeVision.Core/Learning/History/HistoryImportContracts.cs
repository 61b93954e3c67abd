using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.History;

/// <summary>What one import is asked to do.</summary>
/// <param name="TimesPath">The times file on this machine.</param>
/// <param name="TimesFileName">Its name as the labels' provenance records it.</param>
/// <param name="Aggregate">How a drawing's rows become one value.</param>
/// <param name="Source">The source of rows without a <c>source</c> column value.</param>
/// <param name="DryRun">Read, match and compare, but store and render nothing.</param>
public sealed record HistoryImportRequest(string TimesPath, string TimesFileName, LabelAggregation Aggregate, FeedbackSource Source, bool DryRun);

/// <summary>How an import ended: its summary, or why the input could not be used at all.</summary>
/// <param name="Summary">The summary, when the import ran.</param>
/// <param name="Error">Why not (missing file, missing columns).</param>
public sealed record HistoryImportOutcome(HistoryImportSummary? Summary, TimesFileError? Error);

/// <summary>
/// What an import did: the <c>--json</c> output of <c>timevision import</c> and the result of
/// <c>GET /api/history/imports/{id}</c>. Every row of the file is counted once: in <see cref="BadRowCount"/>,
/// <see cref="UnmatchedCount"/> or <see cref="Matched"/>; the lists name at most <see cref="MaxListedRows"/> rows each,
/// the first by line, so a file of a million bad rows has a summary of a thousand.
/// </summary>
public sealed record HistoryImportSummary
{
    /// <summary>Rows after the header.</summary>
    public required int Rows { get; init; }

    /// <summary>The most rows <see cref="BadRows"/> and <see cref="Unmatched"/> each list.</summary>
    public const int MaxListedRows = ProblemRows.MaxListed;

    /// <summary>Rows that could not be read (a bad time, an unknown source), with line and reason: the first <see cref="MaxListedRows"/> by line.</summary>
    public required IReadOnlyList<RowProblem> BadRows { get; init; }

    /// <summary>Every row that could not be read, listed or not.</summary>
    public int BadRowCount { get; init; }

    /// <summary>
    /// Rows that found no drawing, or a drawing number shared by several, or whose drawing could not be imported: the
    /// first <see cref="MaxListedRows"/> by line.
    /// </summary>
    public required IReadOnlyList<RowProblem> Unmatched { get; init; }

    /// <summary>Every row that was not matched, listed or not.</summary>
    public int UnmatchedCount { get; init; }

    /// <summary>Rows that became (part of) a label.</summary>
    public required int Matched { get; init; }

    /// <summary>Labels stored where the document had none of that source for that part.</summary>
    public required int LabelsAdded { get; init; }

    /// <summary>Labels equal to the current one of that source: nothing stored.</summary>
    public required int LabelsUnchanged { get; init; }

    /// <summary>Labels with a new value: stored after the earlier one, which stays in the history.</summary>
    public required int LabelsSuperseded { get; init; }

    /// <summary>One entry per label: document, part and source.</summary>
    public required IReadOnlyList<ImportedLabel> Documents { get; init; }

    /// <summary>Drawing numbers the rows named that several PDFs carry: reported, not guessed.</summary>
    public IReadOnlyList<SharedDrawingNumber> DuplicateDrawingNumbers { get; init; } = [];

    /// <summary>Drawings rendered by this run (a drawing already stored is not rendered again).</summary>
    public int DrawingsRendered { get; init; }

    /// <summary>Whether nothing was stored (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Whether every row was used.</summary>
    [JsonIgnore]
    public bool Complete => BadRowCount == 0 && UnmatchedCount == 0;
}

/// <summary>One label of an import.</summary>
/// <param name="Id">The document's id (SHA-256 of the PDF).</param>
/// <param name="File">The PDF's name.</param>
/// <param name="DrawingNumber">The drawing number, as the rows give it or as read from the drawing.</param>
/// <param name="ActualMin">The aggregated per-piece time.</param>
/// <param name="Rows">Rows behind it.</param>
/// <param name="Part">The document's part it labels; none for the whole document.</param>
/// <param name="PartText">The part as the times file names it.</param>
/// <param name="Source"><c>actual</c> or <c>expert</c>.</param>
/// <param name="Label"><c>added</c>, <c>unchanged</c>, <c>superseded</c>.</param>
/// <param name="MatchedBy"><c>file</c> or <c>drawing_number</c>.</param>
/// <param name="Normalised">What the drawing number match had to normalise; none when nothing.</param>
public sealed record ImportedLabel(
    string Id,
    string File,
    string? DrawingNumber,
    double ActualMin,
    int Rows,
    int? Part,
    string? PartText,
    FeedbackSource Source,
    string Label,
    string MatchedBy,
    IReadOnlyList<string>? Normalised);

/// <summary>A drawing number found on more than one PDF.</summary>
/// <param name="DrawingNumber">The number as the rows give it.</param>
/// <param name="Files">The PDFs that carry it.</param>
public sealed record SharedDrawingNumber(string DrawingNumber, IReadOnlyList<string> Files);

/// <summary>How far an import has got, reported after each drawing.</summary>
/// <param name="DrawingsDone">Drawings finished (stored or found stored, labels recorded).</param>
/// <param name="DrawingsTotal">Drawings the rows matched.</param>
/// <param name="File">The drawing just finished.</param>
/// <param name="Rendered">Whether it was rendered now (not found stored).</param>
public sealed record HistoryImportProgress(int DrawingsDone, int DrawingsTotal, string File, bool Rendered);
