using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.History.Durable;
using TimeVision.Testing;

namespace TimeVision.Benchmarks;

/// <summary>
/// The history import's memory bound: a times file of N rows (default 1,000,000, the default <c>History:MaxImportRows</c>)
/// in which 10 drawings (copies of the two samples) get 5 rows each and every other row is bad (no number for a time) or
/// names a drawing that is not there, each with a file name of its own, as an ERP export gone wrong or a hostile upload
/// would be; with <c>--matching</c> every row names one of the 10 drawings instead (each label then has 100,000 rows,
/// more than the feedback limits store, so they are reported unmatched). Imports it with the local stores and writes
/// the summary as the durable import stores it, then prints the peak working set against the 300 MB budget (exit 1
/// when over), the summary's size and the GC's figures.
/// </summary>
internal static class ImportRowsBenchmark
{
    public const string Usage = "import-rows [--rows N (default 1000000)] [--matching]";

    private const long BudgetBytes = 300L * 1024 * 1024;
    private const int Drawings = 10;
    private const int RowsPerDrawing = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = 1_000_000;
        var matching = args.Contains("--matching");
        var rest = args.Where(arg => arg != "--matching").ToArray();
        if (rest is ["--rows", var text] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > Drawings * RowsPerDrawing)
        {
            rows = n;
        }
        else if (rest.Length > 0)
        {
            await Console.Error.WriteLineAsync($"usage: TimeVision.Benchmarks {Usage}");
            return 2;
        }

        using var work = new TempFolder();
        var drawings = Path.Combine(work.Path, "drawings");
        var times = Path.Combine(work.Path, "times.csv");
        Generate(rows, matching ? rows : Drawings * RowsPerDrawing, drawings, times);
        Console.WriteLine(Invariant($"{rows} rows, {new FileInfo(times).Length / 1048576.0:0.0} MB; {(matching ? rows : Drawings * RowsPerDrawing)} rows match {Drawings} drawings; {Environment.ProcessorCount} cores"));

        using var services = Services(Path.Combine(work.Path, "data"));
        GC.Collect();
        using var before = Process.GetCurrentProcess();
        var startSet = before.WorkingSet64;
        var clock = Stopwatch.StartNew();
        var outcome = await services.GetRequiredService<HistoryImporter>().ImportAsync(
            new HistoryImportRequest(times, "times.csv", LabelAggregation.Median, FeedbackSource.Actual, DryRun: false),
            new FolderHistoryDrawings(drawings),
            progress: null,
            CancellationToken.None);
        var summary = outcome.Summary ?? throw new InvalidOperationException($"{outcome.Error?.Code}: {outcome.Error?.Message}");
        var summaryPath = Path.Combine(work.Path, "summary.json");
        await using (var file = File.Create(summaryPath))
        {
            await JsonSerializer.SerializeAsync(file, summary, HistoryImports.Json);
        }

        clock.Stop();
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        Console.WriteLine(Invariant($"import: {clock.Elapsed.TotalSeconds:0.0} s; {summary.Matched} matched, {summary.BadRowCount} bad ({summary.BadRows.Count} listed), ")
            + Invariant($"{summary.UnmatchedCount} unmatched ({summary.Unmatched.Count} listed); summary {new FileInfo(summaryPath).Length / 1024.0:0} KB"));
        Console.WriteLine(Invariant($"  working set {startSet / 1048576.0:0} MB before, peak {peak / 1048576.0:0} MB (budget {BudgetBytes / 1048576} MB); ")
            + Invariant($"GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MB now; gen2 collections {GC.CollectionCount(2)}"));
        Console.WriteLine(peak <= BudgetBytes ? "within budget" : "OVER BUDGET");
        return peak <= BudgetBytes ? 0 : 1;
    }

    /// <summary>The drawings and the times file, written as they go (the generator holds no row).</summary>
    private static void Generate(int rows, int matched, string drawings, string times)
    {
        Directory.CreateDirectory(drawings);
        string[] samples = ["odri-motor-shaft.pdf", "edocr-adapterplatte.pdf"];
        for (var i = 0; i < Drawings; i++)
        {
            var original = File.ReadAllBytes(RepositoryPaths.Sample(samples[i % samples.Length]));
            File.WriteAllBytes(Path.Combine(drawings, Invariant($"drawing-{i:00}.pdf")), [.. original, .. System.Text.Encoding.ASCII.GetBytes(Invariant($"\n% copy {i}\n"))]);
        }

        using var writer = new StreamWriter(times);
        writer.Write("file;actual_min;order;date\n");
        for (var row = 0; row < rows; row++)
        {
            var line = row < matched
                ? Invariant($"drawing-{row % Drawings:00}.pdf;{5 + (row % 7)},5;Z-{row:0000000};1.3.2024\n")
                : row % 2 == 0
                    ? Invariant($"missing-{row:0000000}.pdf;7,25;Z-{row:0000000};2.3.2024\n")
                    : Invariant($"missing-{row:0000000}.pdf;n/a;Z-{row:0000000};2.3.2024\n");
            writer.Write(line);
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
