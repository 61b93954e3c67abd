namespace TimeVision.Testing;

/// <summary>
/// What the first sheet of each shared drawing shows, read by a person from the rendered sheet and its title block:
/// the material as written, the units, the drawing number, the part's name and the scale. <see langword="null"/> where
/// the sheet does not carry it (an empty field, no label, no unit statement and nothing that settles it). A name or a
/// number written in a cell without a label (the DIN-style blocks of the mesoSPIM sheets, QCAD's "Flange") is not
/// counted: a person cannot tell which field it is either. The scan carries nothing.
/// </summary>
public static class DrawingTruth
{
    /// <summary>One drawing's expected facts.</summary>
    /// <param name="FileName">The PDF in <c>../shared/drawings</c>.</param>
    /// <param name="Material">A string the material must contain (case-insensitive), or null.</param>
    /// <param name="Units"><c>mm</c>, <c>inch</c> or null.</param>
    /// <param name="DrawingNumber">The drawing number exactly, or null.</param>
    /// <param name="Name">The part's name as its labelled field shows it, lines joined by a space; the name read must contain it (case-insensitive).</param>
    /// <param name="Scale">The sheet's scale exactly (<c>1:2</c>), or null.</param>
    public sealed record Expected(string FileName, string? Material, string? Units, string? DrawingNumber, string? Name = null, string? Scale = null);

    /// <summary>What the reader read from one drawing's first sheet; null where it read nothing.</summary>
    /// <param name="Material">The material as read.</param>
    /// <param name="Units">The units.</param>
    /// <param name="DrawingNumber">The drawing number.</param>
    /// <param name="Name">The part's name.</param>
    /// <param name="Scale">The scale.</param>
    /// <param name="HighConfidence">The fields (<c>material</c>, <c>units</c>, …) read at high confidence.</param>
    public sealed record Read(string? Material, string? Units, string? DrawingNumber, string? Name, string? Scale, IReadOnlySet<string>? HighConfidence = null);

    /// <summary>The fields scored, each with how to take it from what was expected and what was read.</summary>
    private static readonly (string Field, Func<Expected, string?> Expected, Func<Read, string?> Actual)[] Fields =
    [
        ("material", d => d.Material, r => r.Material),
        ("units", d => d.Units, r => r.Units),
        ("drawing_number", d => d.DrawingNumber, r => r.DrawingNumber),
        ("name", d => d.Name, r => r.Name),
        ("scale", d => d.Scale, r => r.Scale),
    ];

    /// <summary>Every shared drawing.</summary>
    /// <remarks>
    /// nfr-rear-upright's DWG NO. cell holds a bare "1". A bare one- or two-digit number is never a drawing number
    /// (issue 19): it is a grid-zone marker as often as a field's value, and it tells no drawing from another when the
    /// history import matches times by drawing number. So the table expects none there.
    /// </remarks>
    public static readonly IReadOnlyList<Expected> Drawings =
    [
        new("edocr-adapterplatte.pdf", "Stahl", "mm", null, "Adapterplatte", "1:2"),
        new("edocr-halter.pdf", null, "mm", "Halter1", null, "1:1"),
        new("edocr2-aufspannung-ecke.pdf", null, "mm", "Aufspannung_Ecken", null, "1:5"),
        new("edocr2-elevator-bottom.pdf", null, "mm", "Keyence_Lift-12.19", "Keyence_Lift_Bottom", "1:1"),
        new("mesospim-galvo-mount.pdf", "Aluminium", "mm", null),
        new("mesospim-mvx10-bracket.pdf", "Aluminium", "mm", null),
        new("mesospim-sample-stage-plate.pdf", null, "mm", null),
        new("metalboop-base-plate.pdf", null, "mm", "P0011", "Base Plate"),
        new("metalboop-front-plate.pdf", null, "mm", "P0019", "Metal_Boop_Combined Front"),
        new("nfr-rear-upright.pdf", "7075-T6", "inch", null, "NFR23 Rear Right Upright", "1:5"),
        new("odri-center-pulley.pdf", "7075", "mm", null, null, "4:1"),
        new("odri-motor-pulley.pdf", "7075", "mm", null, null, "6:1"),
        new("odri-motor-shaft.pdf", "Stainless", "mm", null, null, "3:1"),
        new("openspim-detection-holder-base.pdf", null, "mm", null, "OpenSPIM - Detection Axis Holder Base", "1:1"),
        new("openspim-laser-heatsink.pdf", null, "mm", null, null, "1:2"),
        new("openspim-motor-pulley.pdf", null, "mm", null, "OpenSPIM"),
        new("openspim-tube-lens-adapter-scan.pdf", null, null, null),
        new("parol6-small-base.pdf", null, "mm", "small_base", null, "1:2"),
        new("psas-female-ring.pdf", "6061-T6", "inch", null, null, "1:2"),
        new("psas-spider.pdf", "6061-T6", "inch", null, null, "2:3"),
        new("qcad-flange.pdf", null, null, null, null, "1:1"),
    ];

    /// <summary>Precision and recall of one field over the corpus.</summary>
    /// <param name="Field">The field.</param>
    /// <param name="TruePositives">Read and right.</param>
    /// <param name="FalsePositives">Read but wrong, or read where the sheet carries nothing.</param>
    /// <param name="FalseNegatives">Carried by the sheet but not read (or read wrong).</param>
    public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        /// <summary>TP / (TP + FP); 1 when nothing was read.</summary>
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        /// <summary>TP / (TP + FN); 1 when nothing was to be read.</summary>
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    /// <summary>Whether <paramref name="actual"/> is the value a person expects for <paramref name="field"/>.</summary>
    public static bool Matches(string field, string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return field switch
        {
            "material" => actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "name" => string.Join(' ', actual.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Contains(expected, StringComparison.OrdinalIgnoreCase),
            _ => string.Equals(expected, actual, StringComparison.Ordinal),
        };
    }

    /// <summary>Scores what was read against what was expected, per field.</summary>
    /// <param name="read">Per drawing: what was read.</param>
    public static IReadOnlyList<FieldScore> Score(IReadOnlyDictionary<string, Read> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return [.. Fields.Select(f => ScoreField(f.Field, f.Expected, f.Actual))];

        FieldScore ScoreField(string name, Func<Expected, string?> expectedOf, Func<Read, string?> actualOf)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var drawing in Drawings.Where(d => read.ContainsKey(d.FileName)))
            {
                var expected = expectedOf(drawing);
                var actual = actualOf(read[drawing.FileName]);
                if (actual is not null && expected is not null && Matches(name, expected, actual))
                {
                    tp++;
                    continue;
                }

                fp += actual is null ? 0 : 1;
                fn += expected is null ? 0 : 1;
            }

            return new FieldScore(name, tp, fp, fn);
        }
    }

    /// <summary>
    /// How many of the scored fields were right over the corpus: read as the sheet shows it, or left empty where the
    /// sheet carries nothing (the figure the issues quote, e.g. 76 %).
    /// </summary>
    /// <param name="read">Per drawing: what was read.</param>
    public static (int Right, int Fields) Accuracy(IReadOnlyDictionary<string, Read> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var outcomes = (from drawing in Drawings.Where(d => read.ContainsKey(d.FileName))
                        from field in Fields
                        let expected = field.Expected(drawing)
                        let actual = field.Actual(read[drawing.FileName])
                        select expected is null ? actual is null : actual is not null && Matches(field.Field, expected, actual)).ToList();
        return (outcomes.Count(right => right), outcomes.Count);
    }

    /// <summary>Every value read at high confidence that the sheet does not carry, as "file field 'value'".</summary>
    /// <param name="read">Per drawing: what was read, with <see cref="Read.HighConfidence"/> filled.</param>
    public static IReadOnlyList<string> WrongAtHighConfidence(IReadOnlyDictionary<string, Read> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return
        [
            .. from drawing in Drawings.Where(d => read.ContainsKey(d.FileName))
               from field in Fields
               let actual = field.Actual(read[drawing.FileName])
               let expected = field.Expected(drawing)
               where actual is not null && read[drawing.FileName].HighConfidence?.Contains(field.Field) == true
                   && (expected is null || !Matches(field.Field, expected, actual))
               select $"{drawing.FileName} {field.Field} '{actual}'",
        ];
    }
}
