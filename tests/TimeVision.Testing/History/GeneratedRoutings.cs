using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;
using PartType = TimeVision.Core.Estimating.ProcessPlanning.PartType;

namespace TimeVision.Testing.History;

/// <summary>The real times a generated shop measured for one part: per piece, and setup and run apart when it keeps them.</summary>
/// <param name="Minutes">The label: minutes per piece.</param>
/// <param name="SetupMinutes">The batch's setup minutes, when kept apart.</param>
/// <param name="RunMinutes">The run minutes per piece, when kept apart.</param>
public sealed record GeneratedTimes(double Minutes, double? SetupMinutes, double? RunMinutes);

/// <summary>
/// Labelled history for the engine's calibration, made without PDFs: parts with features the engine can plan (turned,
/// milled, both; tapped and drilled holes, chamfers; with or without stock to saw), stored as documents whose features
/// an estimator entered, and real times that are a shop's known factors per operation kind on the engine's own minutes,
/// with a little noise.
/// </summary>
public static class GeneratedRoutings
{
    private static readonly string[] Groups = ["steel", "aluminium", "stainless_steel"];
    private static readonly string[] Threads = ["M5", "M6", "M8", "M10", "M12"];

    /// <summary>A part drawn at random.</summary>
    public static FeatureSet Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var shape = random.Next(3);
        var turned = shape != 1;
        var milled = shape != 0;
        var diameter = Between(random, 20, 120);
        var length = Between(random, 30, 250);
        var features = new List<MachiningFeature>();
        if (turned)
        {
            features.Add(new() { Type = FeatureType.Turning, DiameterFromMm = diameter, DiameterToMm = diameter - Between(random, 2, 12), LengthMm = length });
            features.Add(new() { Type = FeatureType.Facing, DiameterFromMm = diameter, DepthMm = 1 });
            if (random.Next(2) == 0)
            {
                features.Add(new() { Type = FeatureType.Grooving, DiameterMm = diameter - 10, DepthMm = Between(random, 1, 4), WidthMm = 3 });
            }
        }

        var width = Between(random, 30, 150);
        if (milled)
        {
            features.Add(new() { Type = FeatureType.FaceMilling, LengthMm = length, WidthMm = width, DepthMm = Between(random, 1, 4) });
            for (var pocket = random.Next(3); pocket > 0; pocket--)
            {
                features.Add(new() { Type = FeatureType.PocketMilling, LengthMm = Between(random, 20, 60), WidthMm = Between(random, 16, 40), DepthMm = Between(random, 3, 15) });
            }
        }

        AddHoles(random, features);
        var stock = random.Next(4) == 0 ? null
            : turned ? new Stock { Shape = StockShape.Bar, DiameterMm = diameter + 5, LengthMm = length + 5 }
            : new Stock { Shape = StockShape.Block, LengthMm = length + 5, WidthMm = width + 5, HeightMm = Between(random, 15, 60) };
        return new FeatureSet
        {
            PartType = shape switch { 0 => PartType.Rotational, 1 => PartType.Prismatic, _ => PartType.Combined },
            MaterialGroup = Groups[random.Next(Groups.Length)],
            Stock = stock,
            Features = [.. features.Select((f, i) => f with { Id = string.Create(CultureInfo.InvariantCulture, $"f{i + 1}") })],
        };
    }

    /// <summary>
    /// What a shop with these factors measures for <paramref name="plan"/>: each kind's engine minutes times its factor
    /// (1 for a kind not named), times a noise factor drawn within ±<paramref name="noise"/>; per piece, setup and run.
    /// </summary>
    public static (double Setup, double Run) TrueTimes(
        ProcessPlan plan, IReadOnlyDictionary<FactorKind, double> setupFactors, IReadOnlyDictionary<FactorKind, double> cycleFactors, Random random, double noise)
    {
        ArgumentNullException.ThrowIfNull(random);
        double Noisy(double value) => value * (1 + (noise * ((2 * random.NextDouble()) - 1)));
        var setup = FactorKinds.SetupMinutes(plan).Sum(m => m.Value * setupFactors.GetValueOrDefault(m.Key, 1));
        var run = FactorKinds.CycleMinutes(plan).Sum(m => m.Value * cycleFactors.GetValueOrDefault(m.Key, 1));
        return (Noisy(setup), Noisy(run));
    }

    /// <summary>
    /// Stores <paramref name="features"/> as imported document <paramref name="documentId"/> (one page, the features as
    /// an estimator entered them) with its label recorded through the feedback service, the setup and run apart in the
    /// label's import provenance when <paramref name="times"/> has them, as the history import stores them.
    /// </summary>
    public static async Task StoreAsync(IServiceProvider services, string documentId, FeatureSet features, GeneratedTimes times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(times);
        var now = DateTimeOffset.UtcNow;
        var reading = new FeatureReading { Kind = FeatureSourceKind.Estimator, Version = 1, Features = features, By = "generator", At = now };
        await services.GetRequiredService<IEstimateStore>().SaveAsync(
            new DocumentEstimate
            {
                Id = documentId,
                FileName = documentId[..8] + ".pdf",
                Source = DocumentSource.Import,
                Status = DocumentStatus.Imported,
                PageCount = 1,
                Pages = [new DocumentPage(1, PageEstimateStatus.NotEstimated, BlobReference.Page(documentId, 1), null, null)],
                Parts = [],
                Models = [],
                CreatedAt = now,
                CompletedAt = now,
                Features = new DocumentFeatures { Version = 1, Merged = features, Readings = [reading] },
            },
            null,
            cancellationToken);
        var label = new ShopFeedback
        {
            ActualMinutes = Math.Round(times.Minutes, 3),
            Source = FeedbackSource.Actual,
            EnteredBy = "import",
            Import = new ImportProvenance
            {
                TimesFile = "generated.csv",
                TimesFileSha256 = new string('0', 64),
                Aggregate = "median",
                Rows = 1,
                Spread = new ImportSpread(times.Minutes, times.Minutes, null, 0),
                MatchedBy = "file",
                Orders = [new ImportedOrder(2, null, null, times.Minutes) { SetupMinutes = times.SetupMinutes, RunMinutes = times.RunMinutes }],
                SetupMinutes = times.SetupMinutes is { } setup ? Math.Round(setup, 3) : null,
                RunMinutes = times.RunMinutes is { } run ? Math.Round(run, 3) : null,
            },
        };
        var recorded = await services.GetRequiredService<FeedbackService>().RecordAsync(documentId, label, null, cancellationToken);
        if (recorded.Outcome != FeedbackOutcome.Saved)
        {
            throw new InvalidOperationException($"Feedback for {documentId} was not saved: {recorded.Message}");
        }
    }

    private static void AddHoles(Random random, List<MachiningFeature> features)
    {
        for (var group = random.Next(0, 7); group > 0; group--)
        {
            features.Add(new() { Type = FeatureType.Drilling, Count = random.Next(1, 9), DiameterMm = Between(random, 3, 16), DepthMm = Between(random, 5, 40) });
        }

        var taps = random.Next(0, 9);
        if (taps > 0)
        {
            var thread = Threads[random.Next(Threads.Length)];
            features.Add(new() { Type = FeatureType.Drilling, Count = taps, DiameterMm = 0.8 * double.Parse(thread[1..], CultureInfo.InvariantCulture), DepthMm = 20 });
            features.Add(new() { Type = FeatureType.Tapping, Count = taps, Thread = thread, DepthMm = Between(random, 8, 25) });
        }

        // Edges broken one by one, so parts range from a handful of features to thirty (the inspection's setup grows with them).
        for (var edges = random.Next(1, 25); edges > 0; edges--)
        {
            features.Add(new() { Type = FeatureType.Chamfer, Count = random.Next(1, 3), LengthMm = random.Next(2) == 0 ? 1 : 3 });
        }
    }

    private static double Between(Random random, double low, double high) => Math.Round(low + (random.NextDouble() * (high - low)), 1);
}
