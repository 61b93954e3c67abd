using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Where a title-block value stands relative to labels: the next cell below or to the right of its label, owned by the
/// nearest label that could own it (a value under <c>REV</c> is the revision's even when <c>DWG NO</c> is near), lines
/// of one name its cell wraps, and the grid-zone markers around the border that are nobody's value.
/// </summary>
internal static partial class TitleBlockCells
{
    /// <summary>How far a value candidate is from its label; <see langword="null"/> when it is not where a value would be.</summary>
    public static double? Distance(TextBox label, TextBox candidate)
    {
        var height = Math.Max(label.Height, 4);
        var dy = candidate.Y - label.Y;
        var below = dy > -height * 0.3 && dy < (height * 4.5) + 8 && candidate.X > label.X - 20 && candidate.X < label.X + 180;
        var right = Math.Abs(candidate.Y - label.Y) < height && candidate.X >= label.Right - 1 && candidate.X - label.Right < 160;
        if (!below && !right)
        {
            return null;
        }

        return Math.Abs(dy) + (0.25 * Math.Abs(candidate.X - label.X));
    }

    /// <summary>The label nearest to <paramref name="line"/> among <paramref name="owners"/> (labels whose value is not on their own line).</summary>
    public static TitleBlockLabel? Owner(TextLine line, IEnumerable<TitleBlockLabel> owners) =>
        owners.Select(label => (label, distance: Distance(label.Box, line.Box)))
            .Where(c => c.distance is not null)
            .OrderBy(c => c.distance)
            .Select(c => c.label)
            .FirstOrDefault();

    /// <summary>
    /// A name its cell wraps over several lines of the same lettering ("NFR23 Rear Right" / "Upright") is one name:
    /// each next line just below, overlapping it, as tall, not a label's and not nearer another label.
    /// </summary>
    public static (string Text, TextBox Box) WithContinuation(TextPage page, TextLine first, Func<TextLine, bool> isFree)
    {
        var text = TitleBlockValues.Clean(first.Text);
        var box = first.Box;
        var last = first;
        for (var wrapped = 0; wrapped < 3; wrapped++)
        {
            var previous = last;
            var next = page.Lines
                .Where(line => line.Box.Y > previous.Box.Y
                    && line.Box.Y - previous.Box.Bottom < 0.9 * previous.Box.Height
                    && Math.Abs(line.Box.Height - previous.Box.Height) < 0.25 * previous.Box.Height
                    && line.Box.X < box.Right && line.Box.Right > box.X
                    && isFree(line)
                    && TitleBlockValues.Validate(TitleBlockField.PartName, line.Text, inline: false) is not null)
                .OrderBy(line => line.Box.Y)
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            text = $"{text} {TitleBlockValues.Clean(next.Text)}";
            box = box.Union(next.Box);
            last = next;
        }

        return (text, box);
    }

    /// <summary>
    /// Whether a one- or two-character line is a grid-zone marker: one of a row or column of such markers (the
    /// border's 1–8 and A–F), or at the very edge of the sheet.
    /// </summary>
    public static bool IsBorderMarker(TextPage page, TextLine line)
    {
        if (!Marker().IsMatch(line.Text))
        {
            return false;
        }

        var centre = line.Box.X + (line.Box.Width / 2);
        var markers = page.Lines.Where(other => other != line && Marker().IsMatch(other.Text)).ToList();
        var inRow = markers.Count(other => Math.Abs(other.Box.Y - line.Box.Y) < 3);
        var inColumn = markers.Count(other => Math.Abs(other.Box.X + (other.Box.Width / 2) - centre) < 3);
        var margin = 0.04 * Math.Min(page.Width, page.Height);
        var atEdge = line.Box.X < margin || line.Box.Right > page.Width - margin || line.Box.Y < margin || line.Box.Bottom > page.Height - margin;
        return inRow >= 2 || inColumn >= 2 || atEdge;
    }

    [GeneratedRegex(@"^(?:\d{1,2}|[A-Z])$")]
    private static partial Regex Marker();
}
