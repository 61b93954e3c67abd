using System.Diagnostics;
using System.Globalization;
using TimeVision.Testing.PdfFuzzing;

namespace TimeVision.Benchmarks;

/// <summary>
/// Mutation fuzzing on demand: many mutants of the shared drawings through inspect, render and facts, with the same
/// probe as the CI test. Prints how far mutants got, outcomes by code and by mutation, the slowest runs and every
/// problem (with <c>--keep DIR</c>, writes those mutants there), and exits 1 on any crash, untyped failure or call past
/// its timeout. Without <c>--seed</c> the first seed is random, and printed.
/// </summary>
internal static class FuzzProgram
{
    public const string Usage = "fuzz [--count N] [--seed S] [--parallel N] [--timeout SECONDS] [--drawings DIR] [--keep DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var settings))
        {
            await Console.Error.WriteLineAsync($"usage: TimeVision.Benchmarks {Usage}");
            return 2;
        }

        var corpus = settings.Drawings is null ? FuzzCorpus.Load() : FuzzCorpus.Load(settings.Drawings);
        Console.WriteLine(Invariant($"Fuzzing {settings.Count} mutants of the {corpus.Count} PDFs in {corpus.Folder}, seeds {settings.Seed} to {(long)settings.Seed + settings.Count - 1} (again: --seed {settings.Seed} --count {settings.Count}), {settings.Parallel} at a time, {settings.Timeout.TotalSeconds:0.#} s per Poppler call."));
        using var probe = new PdfFuzzProbe(settings.Timeout);
        var done = 0;
        var clock = Stopwatch.StartNew();
        var runs = await FuzzCampaign.RunAsync(corpus, probe, settings.Seed, settings.Count, settings.Parallel, CancellationToken.None, run =>
        {
            if (run.Problems.Count > 0)
            {
                Console.WriteLine($"problem: {run}");
                if (settings.Keep is { } keep)
                {
                    File.WriteAllBytes(Path.Combine(keep, Invariant($"{Path.GetFileNameWithoutExtension(run.Mutant.SourceName)}-seed-{run.Mutant.Seed}.pdf")), run.Mutant.Bytes);
                }
            }

            if (Interlocked.Increment(ref done) % 100 == 0)
            {
                Console.WriteLine(Invariant($"{done} done, {clock.Elapsed.TotalSeconds:0} s"));
            }
        });
        clock.Stop();

        Console.WriteLine();
        FuzzReport.Write(Console.Out, runs, slowest: 10);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Wall time {clock.Elapsed.TotalSeconds:0.0} s for {runs.Count} mutants ({clock.Elapsed.TotalMilliseconds / Math.Max(1, runs.Count):0} ms each)."));
        return runs.Any(r => r.Problems.Count > 0) ? 1 : 0;
    }

    /// <summary>The run's settings; <see cref="Keep"/> is where mutants with problems are written, if anywhere.</summary>
    private sealed record Settings(int Count, int Seed, int Parallel, TimeSpan Timeout, string? Drawings, string? Keep);

    private static bool TryParse(string[] args, out Settings settings)
    {
        settings = new Settings(1000, Random.Shared.Next(1_000_000), 2, PdfFuzzProbe.DefaultCallTimeout, null, null);
        if (args.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            Settings? next = args[i] switch
            {
                "--count" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var count) && count > 0 => settings with { Count = count },
                "--seed" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seed) => settings with { Seed = seed },
                "--parallel" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var parallel) && parallel > 0 => settings with { Parallel = parallel },
                "--timeout" when double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds > 0 => settings with { Timeout = TimeSpan.FromSeconds(seconds) },
                "--drawings" when Directory.Exists(args[i + 1]) => settings with { Drawings = args[i + 1] },
                "--keep" when Directory.Exists(args[i + 1]) => settings with { Keep = args[i + 1] },
                _ => null,
            };
            if (next is null)
            {
                return false;
            }

            settings = next;
        }

        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
