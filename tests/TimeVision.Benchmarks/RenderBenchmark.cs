using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Rendering;
using TimeVision.Testing;

namespace TimeVision.Benchmarks;

/// <summary>
/// Renders every page of the shared drawing corpus with TimeVision (Poppler + in-process PNG) and with PyMuPDF at the
/// same pixel sizes, in one run, and prints pages per second, the ratio and total PNG bytes, for grayscale and RGB.
/// </summary>
internal static class RenderBenchmark
{
    private const string DebianPython = "/usr/bin/python3";
    private const int WarmUpPages = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var drawings = args is ["--drawings", var folder] ? folder : SharedDrawings.Folder;
        if (drawings is null || !Directory.Exists(drawings))
        {
            await Console.Error.WriteLineAsync("The shared drawing corpus (../shared/drawings) is not here; pass --drawings DIR.");
            return 2;
        }

        if (!await PyMuPdfAvailableAsync())
        {
            await Console.Error.WriteLineAsync($"PyMuPDF is missing: sudo apt-get install python3-fitz (it must import in {DebianPython}).");
            return 2;
        }

        var pdfs = Directory.GetFiles(drawings, "*.pdf").Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"Rendering every page of {pdfs.Length} PDFs in {drawings}, one page at a time; {Environment.ProcessorCount} cores.");
        foreach (var grayscale in new[] { true, false })
        {
            await CompareAsync(pdfs, grayscale);
        }

        return 0;
    }

    private static async Task CompareAsync(string[] pdfs, bool grayscale)
    {
        using var services = CreateServices(grayscale);
        var inspector = services.GetRequiredService<IPdfInspector>();
        var renderer = services.GetRequiredService<IPageRenderer>();
        using var output = new TempFolder();

        var jobs = new List<(string Pdf, PdfPageInfo Page)>();
        foreach (var pdf in pdfs)
        {
            var inspection = await inspector.InspectAsync(pdf, CancellationToken.None);
            if (!inspection.Succeeded)
            {
                throw new InvalidOperationException($"{pdf}: {inspection.Error.Message}");
            }

            jobs.AddRange(inspection.Value.Pages.Select(page => (pdf, page)));
        }

        // Warm-up, not timed: the JIT's tiers settle and the files sit in the page cache, as in a running worker.
        foreach (var (pdf, page) in jobs.Take(WarmUpPages))
        {
            await RenderAsync(renderer, pdf, page, Path.Combine(output.Path, "warmup.png"));
        }

        var sequential = Stopwatch.StartNew();
        var rendered = new List<RenderedPage>();
        foreach (var (pdf, page) in jobs)
        {
            rendered.Add(await RenderAsync(renderer, pdf, page, Path.Combine(output.Path, $"tv-{rendered.Count:000}.png")));
        }

        sequential.Stop();
        var parallel = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            jobs.Select((job, index) => (job.Pdf, job.Page, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (job, _) => await RenderAsync(renderer, job.Pdf, job.Page, Path.Combine(output.Path, $"tvp-{job.index:000}.png")));
        parallel.Stop();

        var popplerAlone = await TimePopplerAloneAsync(jobs, rendered, grayscale);
        var pyMuPdf = await RunPyMuPdfAsync(jobs, rendered, grayscale, output.Path, workers: 1);
        var pyMuPdfParallel = await RunPyMuPdfAsync(jobs, rendered, grayscale, output.Path, workers: Environment.ProcessorCount);
        var timeVisionBytes = rendered.Sum(page => page.Bytes);
        var pages = jobs.Count;
        var mode = grayscale ? "grayscale" : "RGB";
        Console.WriteLine();
        Console.WriteLine($"{mode}: {pages} pages, {rendered.Sum(p => (long)p.WidthPx * p.HeightPx) / 1e6:0} Mpx in all");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  TimeVision  {pages / sequential.Elapsed.TotalSeconds,6:0.00} pages/s  {sequential.Elapsed.TotalSeconds,6:0.00} s  {timeVisionBytes / 1e6,7:0.00} MB PNG"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PyMuPDF     {pages / pyMuPdf.Seconds,6:0.00} pages/s  {pyMuPdf.Seconds,6:0.00} s  {pyMuPdf.Bytes / 1e6,7:0.00} MB PNG"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (Poppler's pdftoppm alone, raw pixels discarded: {pages / popplerAlone.TotalSeconds:0.00} pages/s: the ceiling for any Poppler-based renderer)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio       {pyMuPdf.Seconds / sequential.Elapsed.TotalSeconds,6:0.00}× the speed            {(double)timeVisionBytes / pyMuPdf.Bytes,7:0.00}× the bytes"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Environment.ProcessorCount} pages at a time (per-page fan-out): TimeVision {pages / parallel.Elapsed.TotalSeconds:0.00} pages/s, PyMuPDF ({Environment.ProcessorCount} processes) {pages / pyMuPdfParallel.Seconds:0.00} pages/s, ratio {pyMuPdfParallel.Seconds / parallel.Elapsed.TotalSeconds:0.00}×"));
    }

    /// <summary>The same pdftoppm commands TimeVision runs, with the pixels thrown away: rasterising alone.</summary>
    private static async Task<TimeSpan> TimePopplerAloneAsync(
        List<(string Pdf, PdfPageInfo Page)> jobs, List<RenderedPage> sizes, bool grayscale)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < jobs.Count; i++)
        {
            var number = jobs[i].Page.Number.ToString(CultureInfo.InvariantCulture);
            string[] arguments =
            [
                "-f", number, "-l", number, "-cropbox",
                "-scale-to-x", sizes[i].WidthPx.ToString(CultureInfo.InvariantCulture),
                "-scale-to-y", sizes[i].HeightPx.ToString(CultureInfo.InvariantCulture),
                .. grayscale ? ["-gray"] : Array.Empty<string>(),
                jobs[i].Pdf,
            ];
            await CliWrap.Cli.Wrap("pdftoppm").WithArguments(arguments)
                .WithStandardOutputPipe(CliWrap.PipeTarget.Null)
                .WithValidation(CliWrap.CommandResultValidation.None)
                .ExecuteAsync();
        }

        return stopwatch.Elapsed;
    }

    private static async Task<RenderedPage> RenderAsync(IPageRenderer renderer, string pdf, PdfPageInfo page, string path)
    {
        await using var file = File.Create(path);
        var result = await renderer.RenderPageAsync(pdf, page, file, CancellationToken.None);
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"{pdf} page {page.Number}: {result.Error.Message}");
    }

    /// <summary>
    /// Renders the same pages with PyMuPDF in <paramref name="workers"/> processes, each taking every n-th page.
    /// Time is what the slowest worker measured around its pages (Python's start-up is not counted).
    /// </summary>
    private static async Task<(double Seconds, long Bytes)> RunPyMuPdfAsync(
        List<(string Pdf, PdfPageInfo Page)> jobs, List<RenderedPage> sizes, bool grayscale, string folder, int workers)
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => RunPyMuPdfWorkerAsync(
            jobs.Select((job, i) => (job, i)).Where(x => x.i % workers == worker).ToList(), sizes, grayscale, folder)));
        return (runs.Max(run => run.Seconds), runs.Sum(run => run.Bytes));
    }

    private static async Task<(double Seconds, long Bytes)> RunPyMuPdfWorkerAsync(
        List<((string Pdf, PdfPageInfo Page) Job, int Index)> jobs, List<RenderedPage> sizes, bool grayscale, string folder)
    {
        var input = new JsonArray(jobs.Select(x => (JsonNode)new JsonObject
        {
            ["pdf"] = x.Job.Pdf,
            ["page"] = x.Job.Page.Number,
            ["width"] = sizes[x.Index].WidthPx,
            ["height"] = sizes[x.Index].HeightPx,
            ["gray"] = grayscale,
            ["out"] = Path.Combine(folder, $"mu-{x.Index:000}.png"),
        }).ToArray());

        var start = new ProcessStartInfo(DebianPython, [Path.Combine(AppContext.BaseDirectory, "pymupdf_render.py")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PyMuPDF run failed with exit code {process.ExitCode}.");
        }

        var result = JsonDocument.Parse(stdout).RootElement;
        var mismatched = result.GetProperty("sizes").EnumerateArray()
            .Select((size, i) => (size[0].GetInt32() - sizes[jobs[i].Index].WidthPx, size[1].GetInt32() - sizes[jobs[i].Index].HeightPx))
            .Count(delta => Math.Abs(delta.Item1) > 1 || Math.Abs(delta.Item2) > 1);
        if (mismatched > 0)
        {
            throw new InvalidOperationException($"PyMuPDF rendered {mismatched} pages at other sizes than TimeVision.");
        }

        return (result.GetProperty("seconds").GetDouble(), result.GetProperty("bytes").GetInt64());
    }

    private static async Task<bool> PyMuPdfAvailableAsync()
    {
        if (!File.Exists(DebianPython))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo(DebianPython, ["-c", "import fitz"]) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static ServiceProvider CreateServices(bool grayscale)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Rendering:Grayscale", grayscale ? "true" : "false")])
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTimeVisionCore()
            .BuildServiceProvider();
    }
}
