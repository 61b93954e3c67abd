using System.Globalization;
using System.Text;
using TimeVision.Core.Learning.History;

namespace TimeVision.Cli;

/// <summary>Prints similar past parts for a person.</summary>
internal static class SimilarOutput
{
    /// <summary>Per part, its similar past parts with their real times, score and what matched and what did not.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="maxPerPart">At most this many per part (all when <see langword="null"/>).</param>
    public static string Summary(SimilarPartsAnswer answer, int? maxPerPart)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Similar past parts for {answer.File} ({answer.HistoryParts} labelled part(s) in the history):"));
        foreach (var part in answer.Parts)
        {
            text.AppendLine(Invariant($"Part {part.Part}: {part.PartName ?? "(unnamed)"}{(part.DrawingNumber is null ? string.Empty : $"  drawing {part.DrawingNumber}")}"));
            if (part.Features is null)
            {
                text.AppendLine("  nothing is known of this part to compare (no text layer and no estimate)");
                continue;
            }

            text.AppendLine(Invariant($"  {part.Features}"));
            if (part.Neighbours.Count == 0)
            {
                text.AppendLine("  no labelled past part yet: record real times with 'timevision feedback'");
            }

            foreach (var (neighbour, rank) in part.Neighbours.Take(maxPerPart ?? int.MaxValue).Select((n, i) => (n, i + 1)))
            {
                var rows = neighbour.Rows == 1 ? "1 order" : Invariant($"{neighbour.Rows} orders");
                text.AppendLine(Invariant(
                    $"  {rank}. {neighbour.ActualMin,8:0.##} min ({neighbour.Source}, {rows})  score {neighbour.Score:0.00}  {neighbour.DrawingNumber ?? "-"}  {neighbour.PartName ?? string.Empty}  {neighbour.File}"));
                var differs = neighbour.Reasons.Where(r => !r.Matched).Select(r => r.Text).ToList();
                text.AppendLine(differs.Count == 0 ? "     alike in every feature compared" : Invariant($"     differs: {string.Join("; ", differs)}"));
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
