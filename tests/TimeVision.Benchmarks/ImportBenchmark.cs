using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;
using TimeVision.Testing;

namespace TimeVision.Benchmarks;

/// <summary>
/// The history import at the shop's scale, in-process with the local stores and no model: N generated drawings
/// (copies of the shared ones, each with a PDF comment appended so its hash, and so its document, is new) and a
/// Windows-1250 times file of 5 N rows (5 orders a drawing, semicolons, decimal commas). Prints drawings per minute,
/// peak working set and the GC's figures, then imports the same file again (nothing to render) and prints that too.
/// </summary>
internal static class ImportBenchmark
{
    public const string Usage = "import [--count N (default 2000)] [--drawings DIR]";

    private const int RowsPerDrawing = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 2000;
        var source = SharedDrawings.Folder;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    break;
                case "--drawings":
                    source = args[i + 1];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"usage: TimeVision.Benchmarks {Usage}");
                    return 2;
            }
        }

        if (source is null || !Directory.Exists(source))
        {
            await Console.Error.WriteLineAsync("The shared drawing corpus (../shared/drawings) is not here; pass --drawings DIR.");
            return 2;
        }

        using var work = new TempFolder();
        var drawings = Path.Combine(work.Path, "drawings");
        var times = Path.Combine(work.Path, "times.csv");
        var originals = Directory.GetFiles(source, "*.pdf").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Generate(originals, count, drawings, times);
        Console.WriteLine(Invariant($"{count} drawings generated from {originals.Length} shared ones, {count * RowsPerDrawing} rows; {Environment.ProcessorCount} cores"));

        using var services = Services(Path.Combine(work.Path, "data"));
        var importer = services.GetRequiredService<HistoryImporter>();
        var request = new HistoryImportRequest(times, "times.csv", LabelAggregation.Median, FeedbackSource.Actual, DryRun: false);
        foreach (var pass in new[] { "first import", "same file again" })
        {
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            var outcome = await importer.ImportAsync(request, new FolderHistoryDrawings(drawings), new Progress(count), CancellationToken.None);
            clock.Stop();
            var summary = outcome.Summary ?? throw new InvalidOperationException(outcome.Error?.Message);
            using var process = Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            Console.WriteLine(Invariant($"{pass}: {clock.Elapsed.TotalSeconds:0.0} s, {count / clock.Elapsed.TotalMinutes:0.0} drawings/min; {summary.DrawingsRendered} rendered; ")
                + Invariant($"labels {summary.LabelsAdded} added, {summary.LabelsUnchanged} unchanged; {summary.Matched} rows matched, {summary.BadRowCount} bad, {summary.UnmatchedCount} unmatched"));
            Console.WriteLine(Invariant($"  peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB; GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MB now, ")
                + Invariant($"{gc.HeapSizeBytes / 1048576.0:0} MB at the last GC; {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:0} MB allocated; gen2 collections {GC.CollectionCount(2)}"));
        }

        return 0;
    }

    /// <summary>The copies and the times file: drawing i is original i mod n with "% copy i" appended, and gets 5 rows.</summary>
    private static void Generate(byte[][] originals, int count, string drawings, string times)
    {
        Directory.CreateDirectory(drawings);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var writer = new StreamWriter(times, append: false, Encoding.GetEncoding(1250));
        writer.Write("Soubor;Čas min;Zakázka;Datum\r\n");
        for (var i = 0; i < count; i++)
        {
            var name = Invariant($"vykres-{i:00000}.pdf");
            File.WriteAllBytes(Path.Combine(drawings, name), [.. originals[i % originals.Length], .. Encoding.ASCII.GetBytes(Invariant($"\n% copy {i}\n"))]);
            for (var order = 0; order < RowsPerDrawing; order++)
            {
                var minutes = Invariant($"{5 + (i % 37) + (order * 0.75)}").Replace('.', ',');
                writer.Write(Invariant($"{name};{minutes};Z-{i:00000}-{order};{1 + (order % 28)}.3.2024\r\n"));
            }
        }
    }

    private static ServiceProvider Services(string data)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:DataDirectory", data)])
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddTimeVisionCore();
        return services.BuildServiceProvider();
    }

    private sealed class Progress(int count) : IProgress<HistoryImportProgress>
    {
        private readonly int _every = Math.Max(1, count / 20);

        public void Report(HistoryImportProgress value)
        {
            if (value.DrawingsDone % _every == 0)
            {
                Console.Error.WriteLine(Invariant($"  {value.DrawingsDone}/{value.DrawingsTotal}"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
