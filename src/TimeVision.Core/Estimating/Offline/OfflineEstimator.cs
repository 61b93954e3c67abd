using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Offline;

/// <summary>
/// An estimate with no model: the page's text-layer facts put through the <c>base</c> prompt's reference tables,
/// material multipliers and feature add-ons. Deterministic, instant, always <c>low</c> confidence — the baseline
/// every model must beat. A page with no text layer gets no estimate (<c>no_text_layer</c>).
/// </summary>
public static class OfflineEstimator
{
    /// <summary>Stands in for a prompt hash: the estimator's rules and tables.</summary>
    public static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"offline-estimator-1\0{ReferenceTables.Version}")));

    private const double InchMm = 25.4;
    private const double LargestPlausibleMm = 3000;

    /// <summary>Estimates one page from its facts.</summary>
    public static PageEstimateResult Estimate(PageFacts? facts)
    {
        var result = PageEstimateResult.Local(ModelIds.Offline, ReferenceTables.Version, Hash);
        if (facts is { ReadError: { } unreadable })
        {
            return result with
            {
                Status = PageEstimateStatus.Failed,
                Error = new VisionError(
                    VisionErrorCode.TextLayerUnreadable,
                    $"The page's text layer could not be read ({Json.JsonCode.Of(unreadable.Code)}: {unreadable.Message}); the offline estimate reads only text."),
            };
        }

        if (facts is not { HasText: true })
        {
            return result with
            {
                Status = PageEstimateStatus.Failed,
                Error = new VisionError(VisionErrorCode.NoTextLayer, "The page has no usable text layer (a scan, or lettering drawn as outlines); the offline estimate reads only text."),
            };
        }

        return result with { Estimate = Compute(facts) };
    }

    private static PageEstimate Compute(PageFacts facts)
    {
        var features = facts.Features;
        var (lengths, diameter) = Envelope(facts);
        var length = lengths.FirstOrDefault();
        var counted = features.Counts.Sum(c => Math.Max(0, (int)(c.Number ?? 1) - 1));
        var threads = features.Threads.Count + features.Counts.Where(c => c.Value.Contains('M', StringComparison.Ordinal)).Sum(c => Math.Max(0, (int)(c.Number ?? 1) - 1));
        var reamed = features.Fits.Count(f => f.Value.Length > 0 && char.IsUpper(f.Value[0]) && f.Number is <= 7 && !f.Value.StartsWith("IT", StringComparison.Ordinal));
        var chamfers = features.Chamfers.Count;

        var type = PartTypeOf(length, diameter, threads, counted);
        var holes = type == PartType.Pri
            ? features.Diameters.Count + features.Counts.Where(c => c.Value.Contains('Ø', StringComparison.Ordinal)).Sum(c => Math.Max(0, (int)(c.Number ?? 1) - 1))
            : 0;
        var featureCount = features.Diameters.Count + features.Threads.Count + features.Fits.Count + chamfers + counted;
        var complexity = ComplexityOf(features, featureCount, threads);
        var size = SizeOf(type, length, diameter, featureCount, holes + threads);

        var group = facts.TitleBlock.MaterialGroup;
        var multiplier = group is not null && ReferenceTables.MaterialMultipliers.TryGetValue(group, out var m) ? m : 1.0;
        var (min, max) = ReferenceTables.Range(type, size, complexity);
        var breakdown = new List<BreakdownItem>
        {
            new("Obrábění základního tvaru", Round((min + max) / 2 * multiplier),
                string.Create(CultureInfo.InvariantCulture, $"{type} {size} {complexity}: {min}–{max} min (ocel) × {multiplier:0.00}")),
        };
        AddOn(breakdown, "Díry", holes, ReferenceTables.ThroughHole, multiplier);
        AddOn(breakdown, "Závity", threads, ReferenceTables.ThreadedHole, multiplier);
        AddOn(breakdown, "Vystružené díry H7", reamed, ReferenceTables.ReamedHole, multiplier);
        AddOn(breakdown, "Sražení hran", chamfers, ReferenceTables.Chamfer, multiplier);

        var material = facts.TitleBlock.Material?.Value;
        var lengthText = length.ToString("0.#", CultureInfo.InvariantCulture);
        var diameterText = diameter.ToString("0.#", CultureInfo.InvariantCulture);
        var materialText = group is null ? $"materiál neznámý ({material ?? "nenalezen"}), počítáno jako ocel" : $"materiál {material} ({group}) × {multiplier:0.00}";
        return new PageEstimate
        {
            PartType = type,
            Complexity = complexity,
            MaterialDetected = material,
            MaxDiameterMm = diameter > 0 ? Round(diameter) : null,
            MaxLengthMm = length > 0 ? Round(length) : null,
            MaxWidthMm = type == PartType.Pri && lengths.Count > 1 ? Round(lengths[1]) : null,
            MaxHeightMm = null,
            ManufacturingDescription = "Offline odhad z textové vrstvy výkresu podle referenčních tabulek (bez modelu).",
            Operations = [.. breakdown.Select(b => b.Operation)],
            EstimatedTimeMin = Round(breakdown.Sum(b => b.TimeMin)),
            Confidence = Confidence.Low,
            Reasoning = string.Create(CultureInfo.InvariantCulture,
                $"Z textové vrstvy: obal {lengthText} mm, průměr {diameterText} mm, {featureCount} prvků (díry {holes}, závity {threads}, H7 {reamed}, sražení {chamfers}); {materialText}. Tabulka {type}/{size}/{complexity}: {min}–{max} min, bráno středem."),
            Breakdown = breakdown,
            DrawingNumber = facts.TitleBlock.DrawingNumber?.Value,
            PartName = facts.TitleBlock.PartName?.Value,
            DrawingUnits = facts.TitleBlock.Units is null ? null : DrawingUnits.Millimetres,
        };
    }

    /// <summary>The plausible lengths in mm, longest first, and the largest diameter in mm (0: none).</summary>
    private static (List<double> Lengths, double Diameter) Envelope(PageFacts facts)
    {
        var inch = facts.TitleBlock.Units?.Value == "inch";
        double ToMm(double value) => inch ? value * InchMm : value;

        var lengths = facts.Features.Dimensions.Where(IsDimension).Select(ToMm).Where(v => v <= LargestPlausibleMm).OrderDescending().ToList();
        var diameters = facts.Features.Diameters.Select(d => ToMm(d.Number ?? 0)).Where(v => v > 0).OrderDescending().ToList();
        return (lengths, diameters.FirstOrDefault());
    }

    /// <summary>Round when the largest diameter is at least half the envelope, combined when it also has threads or repeated features.</summary>
    private static PartType PartTypeOf(double length, double diameter, int threads, int counted) =>
        diameter > 0 && diameter >= 0.5 * Math.Max(length, diameter)
            ? (threads > 0 || counted > 0 ? PartType.Combined : PartType.Rot)
            : PartType.Pri;

    /// <summary>From the number of features, the finest tolerance grade and roughness, and whether it has threads.</summary>
    private static Complexity ComplexityOf(FeatureFacts features, int featureCount, int threads)
    {
        var finestGrade = features.Fits.Select(f => f.Number ?? 99).DefaultIfEmpty(99).Min();
        var finestRoughness = features.Roughness.Where(r => r.Value.StartsWith("Ra", StringComparison.Ordinal)).Select(r => r.Number ?? 99).DefaultIfEmpty(99).Min();
        return featureCount >= 13 || finestGrade <= 6 || finestRoughness < 0.8 ? Complexity.Complex
            : featureCount >= 6 || finestGrade <= 7 || threads > 0 ? Complexity.Medium
            : Complexity.Simple;
    }

    /// <summary>Zone markers (single digits) and years in the title block are not dimensions.</summary>
    private static bool IsDimension(double value) => value >= 10 ? value is < 1900 or > 2100 : value != Math.Floor(value);

    private static SizeClass SizeOf(PartType type, double length, double diameter, int featureCount, int holesAndThreads)
    {
        if (featureCount <= 1 && holesAndThreads == 0 && Math.Max(length, diameter) <= 50)
        {
            return SizeClass.Trivial;
        }

        return type switch
        {
            PartType.Pri => length <= 100 ? SizeClass.Small : length <= 250 ? SizeClass.Medium : SizeClass.Large,
            PartType.Rot => diameter <= 30 && length <= 50 ? SizeClass.Small : diameter <= 80 && length <= 200 ? SizeClass.Medium : SizeClass.Large,
            _ => diameter <= 60 && length <= 60 ? SizeClass.Small : diameter <= 100 && length <= 120 ? SizeClass.Medium : SizeClass.Large,
        };
    }

    private static void AddOn(List<BreakdownItem> breakdown, string operation, int count, (double Min, double Max) each, double multiplier)
    {
        if (count > 0)
        {
            breakdown.Add(new BreakdownItem(operation, Round(count * (each.Min + each.Max) / 2 * multiplier),
                string.Create(CultureInfo.InvariantCulture, $"{count} × {each.Min}–{each.Max} min × {multiplier:0.00}")));
        }
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
