using System.Diagnostics;
using System.Globalization;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Benchmarks;

/// <summary>
/// <c>plan [--runs R]</c>: the process-time engine on generated parts of 1, 50 and 500 features (every feature type
/// in turn, sizes varied, with the shipped cutting data and work centres); after a warm-up, prints the time per plan
/// (median, 95th percentile, largest). The goal is a 50-feature part in under 2 ms.
/// </summary>
internal static class PlanBenchmark
{
    private static readonly int[] Sizes = [1, 50, 500];

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--runs");
        var runs = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1000;
        var planner = new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres);
        foreach (var size in Sizes)
        {
            var part = Part(size);
            for (var i = 0; i < 50; i++)
            {
                planner.Plan(part);
            }

            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                planner.Plan(part);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plan, {size,3} feature(s), {runs} runs after 50 to warm up: median {times[times.Count / 2]:0.000} ms, 95th percentile {times[(int)(times.Count * 0.95)]:0.000} ms, largest {times[^1]:0.000} ms"));
        }

        return 0;
    }

    private static FeatureSet Part(int features)
    {
        var types = Enum.GetValues<FeatureType>();
        return new FeatureSet
        {
            PartType = PartType.Combined,
            MaterialGroup = "alloy_steel",
            Stock = new Stock { Shape = StockShape.Bar, DiameterMm = 80, LengthMm = 150 },
            Features = Enumerable.Range(0, features).Select(i => new MachiningFeature
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"f{i + 1}"),
                Type = types[i % types.Length],
                Count = 1 + (i % 4),
                LengthMm = 20 + (i % 7 * 10),
                WidthMm = 10 + (i % 5 * 6),
                DepthMm = 3 + (i % 6),
                DiameterMm = 6 + (i % 9 * 2),
                DiameterFromMm = 80,
                DiameterToMm = 60 - (i % 5 * 4),
                Thread = i % 2 == 0 ? "M8" : "M12",
            }).ToList(),
        };
    }
}
