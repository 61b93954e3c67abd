namespace TimeVision.Testing;

/// <summary>
/// What the first sheet of each shared drawing shows, read by a person from the rendered sheet and its title block:
/// the material as written, the units and the drawing number. <see langword="null"/> where the sheet does not carry
/// it (an empty field, no label, no unit statement and nothing that settles it). The scan carries nothing.
/// </summary>
public static class DrawingTruth
{
    /// <summary>One drawing's expected facts.</summary>
    /// <param name="FileName">The PDF in <c>../shared/drawings</c>.</param>
    /// <param name="Material">A string the material must contain (case-insensitive), or null.</param>
    /// <param name="Units"><c>mm</c>, <c>inch</c> or null.</param>
    /// <param name="DrawingNumber">The drawing number exactly, or null.</param>
    public sealed record Expected(string FileName, string? Material, string? Units, string? DrawingNumber);

    /// <summary>Every shared drawing.</summary>
    public static readonly IReadOnlyList<Expected> Drawings =
    [
        new("edocr-adapterplatte.pdf", "Stahl", "mm", null),
        new("edocr-halter.pdf", null, "mm", "Halter1"),
        new("edocr2-aufspannung-ecke.pdf", null, "mm", "Aufspannung_Ecken"),
        new("edocr2-elevator-bottom.pdf", null, "mm", "Keyence_Lift-12.19"),
        new("mesospim-galvo-mount.pdf", "Aluminium", "mm", null),
        new("mesospim-mvx10-bracket.pdf", "Aluminium", "mm", null),
        new("mesospim-sample-stage-plate.pdf", null, "mm", null),
        new("metalboop-base-plate.pdf", null, "mm", "P0011"),
        new("metalboop-front-plate.pdf", null, "mm", "P0019"),
        new("nfr-rear-upright.pdf", "7075-T6", "inch", "1"),
        new("odri-center-pulley.pdf", "7075", "mm", null),
        new("odri-motor-pulley.pdf", "7075", "mm", null),
        new("odri-motor-shaft.pdf", "Stainless", "mm", null),
        new("openspim-detection-holder-base.pdf", null, "mm", null),
        new("openspim-laser-heatsink.pdf", null, "mm", null),
        new("openspim-motor-pulley.pdf", null, "mm", null),
        new("openspim-tube-lens-adapter-scan.pdf", null, null, null),
        new("parol6-small-base.pdf", null, "mm", "small_base"),
        new("psas-female-ring.pdf", "6061-T6", "inch", null),
        new("psas-spider.pdf", "6061-T6", "inch", null),
        new("qcad-flange.pdf", null, null, null),
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

    /// <summary>Scores what was read against what was expected, per field.</summary>
    /// <param name="read">Per drawing: the material, units and drawing number read (null when none).</param>
    public static IReadOnlyList<FieldScore> Score(IReadOnlyDictionary<string, (string? Material, string? Units, string? DrawingNumber)> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return
        [
            ScoreField("material", d => d.Material, r => r.Material, (expected, actual) => actual.Contains(expected, StringComparison.OrdinalIgnoreCase)),
            ScoreField("units", d => d.Units, r => r.Units, string.Equals),
            ScoreField("drawing_number", d => d.DrawingNumber, r => r.DrawingNumber, string.Equals),
        ];

        FieldScore ScoreField(
            string name,
            Func<Expected, string?> expectedOf,
            Func<(string? Material, string? Units, string? DrawingNumber), string?> actualOf,
            Func<string, string, bool> matches)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var drawing in Drawings.Where(d => read.ContainsKey(d.FileName)))
            {
                var expected = expectedOf(drawing);
                var actual = actualOf(read[drawing.FileName]);
                if (actual is not null && expected is not null && matches(expected, actual))
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
}
