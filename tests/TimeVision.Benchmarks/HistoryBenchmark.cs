using System.Diagnostics;
using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.History;
using TimeVision.Testing;
using TimeVision.Testing.History;

namespace TimeVision.Benchmarks;

/// <summary>
/// <c>history [--parts N] [--queries Q]</c>: the history index at scale. N generated labelled parts (10,000 by default)
/// are stored in a local history index, loaded back, and asked Q k-nearest-neighbour questions (k = 5) after a warm-up;
/// prints the load time and the time per question (median, 95th percentile, largest).
/// </summary>
internal static class HistoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parts = Option(args, "--parts", 10_000);
        var queries = Option(args, "--queries", 500);
        using var folder = new TempFolder();
        var random = new Random(1);
        var entries = Enumerable.Range(0, parts).Select(i =>
        {
            var part = GeneratedHistory.Draw(random, i);
            return new HistoryEntry
            {
                DocumentId = GeneratedHistory.IdOf(i.ToString(CultureInfo.InvariantCulture)),
                Part = 1,
                LabelVersion = "bench",
                File = part.DrawingNumber + ".pdf",
                DrawingNumber = part.DrawingNumber,
                Features = PartFeatures.From([GeneratedHistory.FactsOf(part)], null)!,
                ActualMinutes = part.TrueMinutes,
                Source = FeedbackSource.Actual,
                Rows = 1,
            };
        }).ToList();
        using var store = new LocalHistoryStore(folder.Path);
        await store.ReplaceAsync("bench", entries, CancellationToken.None);

        var load = Stopwatch.StartNew();
        var loaded = await store.ListAsync(CancellationToken.None);
        load.Stop();
        var questions = Enumerable.Range(0, queries + 50).Select(_ => PartFeatures.From([GeneratedHistory.FactsOf(GeneratedHistory.Draw(random, -1))], null)!).ToList();
        foreach (var warmUp in questions.Take(50))
        {
            HistoryIndex.Nearest(loaded, warmUp, 5, _ => true);
        }

        var times = new List<double>();
        foreach (var question in questions.Skip(50))
        {
            var watch = Stopwatch.StartNew();
            HistoryIndex.Nearest(loaded, question, 5, e => e.DocumentId != "none");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var bytes = new FileInfo(Path.Combine(folder.Path, "history", "index.json")).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history index: {loaded.Count:N0} labelled parts, {bytes / 1024.0 / 1024:0.0} MB on disk, loaded in {load.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"k-NN (k = 5) over {loaded.Count:N0} parts, {queries} questions after 50 to warm up: median {times[times.Count / 2]:0.00} ms, 95th percentile {times[(int)(times.Count * 0.95)]:0.00} ms, largest {times[^1]:0.00} ms"));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
