namespace TimeVision.Core.Estimating.Facts;

/// <summary>A page with its title-block labels found: reads the value of each label, inline or in its cell.</summary>
/// <param name="page">The page.</param>
/// <param name="labels">Its labels, in reading order.</param>
internal sealed class LabelledPage(TextPage page, List<TitleBlockLabel> labels)
{
    private readonly HashSet<TextLine> _labelLines = [.. labels.Select(l => l.Line)];

    // Labels whose value is not on their own line own the cells near them: a value is the nearest such label's.
    private readonly List<TitleBlockLabel> _cellOwners = [.. labels.Where(l => !l.InlineOnly && InlineValue(labels, l) is null)];

    /// <summary>The page's labels.</summary>
    public IReadOnlyList<TitleBlockLabel> Labels => labels;

    /// <summary>The value of the first label of <paramref name="field"/> (in <paramref name="ordered"/> order) that has one.</summary>
    /// <param name="field">The field.</param>
    /// <param name="ordered">The labels in the order to try them; reading order when null.</param>
    /// <param name="taken">The box of a value another field already took: not this field's.</param>
    public DrawingFact? First(TitleBlockField field, IEnumerable<TitleBlockLabel>? ordered = null, TextBox? taken = null) =>
        (ordered ?? labels).Where(l => l.Field == field).Select(l => ValueOf(l, taken)).FirstOrDefault(v => v is not null);

    private DrawingFact? ValueOf(TitleBlockLabel label, TextBox? taken)
    {
        if (InlineValue(labels, label) is { } inline)
        {
            var box = InlineWords(labels, label).Select(w => w.Box).Aggregate(label.Box, (a, b) => a.Union(b));
            return new DrawingFact(inline, FactConfidence.High, new FactSource(page.Number, label.Line.Text, box));
        }

        return label.InlineOnly ? null : InCell(label, taken);
    }

    /// <summary>The value on the label's own line: "SCALE:1:5", "Material: Aluminium", "材料45钢", "BLATT 1 VON 1", up to the next label.</summary>
    private static string? InlineValue(List<TitleBlockLabel> labels, TitleBlockLabel label)
    {
        var inlineText = string.Join(' ', new[] { label.GluedValue }.Concat(InlineWords(labels, label).Select(w => w.Text)).Where(t => !string.IsNullOrEmpty(t))).Trim();
        return inlineText.Length > 0 ? TitleBlockValues.Validate(label.Field, inlineText, inline: true) : null;
    }

    /// <summary>The closest line below (in the label's column) or to its right (on its row) that is no label's and that no nearer label owns.</summary>
    private DrawingFact? InCell(TitleBlockLabel label, TextBox? taken)
    {
        var candidates = page.Lines
            .Where(line => !_labelLines.Contains(line) && line.Box != taken)
            .Select(line => (line, score: TitleBlockCells.Distance(label.Box, line.Box)))
            .Where(c => c.score is not null)
            .OrderBy(c => c.score)
            .Take(3)
            .Select(c => c.line);
        foreach (var line in candidates)
        {
            if (!IsOwnedBy(line, label.Field))
            {
                continue;
            }

            if (label.Field == TitleBlockField.DrawingNumber && TitleBlockValues.IsShortNumber(line.Text) && !TitleBlockCells.IsBorderMarker(page, line))
            {
                return new DrawingFact(TitleBlockValues.Clean(line.Text), FactConfidence.Medium, new FactSource(page.Number, line.Text, line.Box));
            }

            if (TitleBlockValues.Validate(label.Field, line.Text, inline: false) is { } value)
            {
                var (text, box) = label.Field == TitleBlockField.PartName
                    ? TitleBlockCells.WithContinuation(page, line, next => !_labelLines.Contains(next) && next.Box != taken && IsOwnedBy(next, label.Field))
                    : (value, line.Box);
                return new DrawingFact(text, FactConfidence.High, new FactSource(page.Number, line.Text, box));
            }
        }

        return null;
    }

    /// <summary>Whether no label of another field stands nearer to <paramref name="line"/> than one of <paramref name="field"/>.</summary>
    private bool IsOwnedBy(TextLine line, TitleBlockField field) =>
        TitleBlockCells.Owner(line, _cellOwners) is not { } owner || owner.Field == field;

    /// <summary>The words after a label on its line, up to the next label.</summary>
    private static List<TextWord> InlineWords(List<TitleBlockLabel> labels, TitleBlockLabel label)
    {
        var nextLabel = labels.Where(l => l.Line == label.Line && l.FirstWord > label.FirstWord).Select(l => l.FirstWord).DefaultIfEmpty(label.Line.Words.Count).Min();
        return [.. label.Line.Words.Skip(label.FirstWord + label.WordCount).Take(nextLabel - label.FirstWord - label.WordCount)];
    }
}
