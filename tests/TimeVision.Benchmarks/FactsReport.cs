using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Testing;

namespace TimeVision.Benchmarks;

/// <summary>
/// Reads the facts of every shared drawing and reports, against the truth table in the tests, precision and recall
/// per field (material, units, drawing number, name, scale), the share of fields right, how many values were read
/// wrong at high confidence and which, what was read
/// per drawing, the offline estimate, and the time taken: reading the drawing's facts, the offline estimate per page,
/// and the drawings over the budget for both together.
/// </summary>
internal static class FactsReport
{
    /// <summary>What reading a drawing's facts and estimating every page offline may take together.</summary>
    private static readonly TimeSpan DrawingBudget = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var drawings = args is ["--drawings", var folder] ? folder : SharedDrawings.Folder;
        if (drawings is null || !Directory.Exists(drawings))
        {
            await Console.Error.WriteLineAsync("The shared drawing corpus (../shared/drawings) is not here; pass --drawings DIR.");
            return 2;
        }

        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddTimeVisionCore()
            .BuildServiceProvider();
        var reader = services.GetRequiredService<DrawingFactsReader>();
        var read = new Dictionary<string, DrawingTruth.Read>();
        var overBudget = new List<string>();
        Console.WriteLine("| drawing | material | units | drawing no. | name | scale | offline min (page 1) | pages | facts ms | offline ms/page |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var expected in DrawingTruth.Drawings)
        {
            var reading = Stopwatch.StartNew();
            var pages = await reader.ReadAsync(Path.Combine(drawings, expected.FileName), null, CancellationToken.None);
            var factsTime = reading.Elapsed;
            var estimating = Stopwatch.StartNew();
            var offline = pages.Select(OfflineEstimator.Estimate).ToList();
            var offlineTime = estimating.Elapsed;
            if (factsTime + offlineTime >= DrawingBudget)
            {
                overBudget.Add(string.Create(CultureInfo.InvariantCulture, $"{expected.FileName} ({(factsTime + offlineTime).TotalMilliseconds:0} ms)"));
            }

            var title = pages[0].TitleBlock;
            (string Field, DrawingFact? Fact)[] fields =
                [("material", title.Material), ("units", title.Units), ("drawing_number", title.DrawingNumber), ("name", title.PartName), ("scale", title.Scale)];
            var facts = new DrawingTruth.Read(
                title.Material?.Value, title.Units?.Value, title.DrawingNumber?.Value, title.PartName?.Value, title.Scale?.Value,
                fields.Where(f => f.Fact?.Confidence == FactConfidence.High).Select(f => f.Field).ToHashSet());
            read[expected.FileName] = facts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {expected.FileName} | {Mark("material", facts.Material, expected.Material)} | {Mark("units", facts.Units, expected.Units)} | {Mark("drawing_number", facts.DrawingNumber, expected.DrawingNumber)} | {Mark("name", facts.Name, expected.Name)} | {Mark("scale", facts.Scale, expected.Scale)} | {offline[0].Estimate?.EstimatedTimeMin.ToString("0.00", CultureInfo.InvariantCulture) ?? "no text layer"} | {pages.Count} | {factsTime.TotalMilliseconds:0} | {offlineTime.TotalMilliseconds / pages.Count:0.000} |"));
        }

        Console.WriteLine();
        Console.WriteLine(overBudget.Count == 0
            ? $"Every drawing's facts and offline estimates took under {DrawingBudget.TotalSeconds:0} s."
            : $"Over the {DrawingBudget.TotalSeconds:0} s budget for facts and offline estimates: {string.Join(", ", overBudget)}.");

        Console.WriteLine();
        var (right, scored) = DrawingTruth.Accuracy(read);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Right: {right} of {scored} fields ({(double)right / scored:P1}), an empty field counted right when the sheet carries nothing."));
        var wrongAtHigh = DrawingTruth.WrongAtHighConfidence(read);
        Console.WriteLine(wrongAtHigh.Count == 0
            ? "Wrong at high confidence: 0."
            : $"Wrong at high confidence: {wrongAtHigh.Count} ({string.Join(", ", wrongAtHigh)}).");

        Console.WriteLine();
        Console.WriteLine("| field | precision | recall | TP | FP | FN |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var score in DrawingTruth.Score(read))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {score.Field} | {score.Precision:P1} | {score.Recall:P1} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} |"));
        }

        return 0;
    }

    private static string Mark(string field, string? actual, string? expected) =>
        (actual, expected) switch
        {
            (null, null) => "—",
            (null, _) => $"missed ({expected})",
            (_, null) => $"{actual} (not expected)",
            _ when DrawingTruth.Matches(field, expected, actual) => actual,
            _ => $"{actual} (expected {expected})",
        };
}
