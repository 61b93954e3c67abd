using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Png;
using TimeVision.Core.Estimating.Rendering.Poppler;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Testing;

namespace TimeVision.Benchmarks;

/// <summary>
/// Renders every page of the shared drawing corpus with TimeVision (Poppler + in-process PNG) and with PyMuPDF at the
/// same pixel sizes, in one run, and prints pages per second, the ratio and total PNG bytes, for grayscale and RGB;
/// then where TimeVision's time goes, stage by stage, on the same pages.
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

        var options = services.GetRequiredService<IOptions<RenderingOptions>>().Value;
        var frames = jobs.Select(job => PageFrame.For(job.Page, options).Value!).ToList();
        await using var pyMuPdfWorker = PyMuPdfWorker.Start();

        // Warm-up, not timed: the JIT's tiers settle and the files sit in the page cache, as in a running worker.
        for (var i = 0; i < Math.Min(WarmUpPages, jobs.Count); i++)
        {
            await RenderAsync(renderer, jobs[i].Pdf, jobs[i].Page, Path.Combine(output.Path, "warmup.png"));
            await pyMuPdfWorker.RenderAsync(jobs[i].Pdf, jobs[i].Page, frames[i], grayscale, Path.Combine(output.Path, "warmup-mu.png"));
        }

        // Page by page, TimeVision and PyMuPDF in turn (who goes first alternates), so both see the same load.
        var sequential = TimeSpan.Zero;
        var pyMuPdf = new PyMuPdfRun(0, 0, 0);
        var rendered = new List<RenderedPage>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var (pdf, page) = jobs[i];
            var muPath = Path.Combine(output.Path, $"mu-{i:000}.png");
            if (i % 2 == 1)
            {
                pyMuPdf += await pyMuPdfWorker.RenderAsync(pdf, page, frames[i], grayscale, muPath);
            }

            var stopwatch = Stopwatch.StartNew();
            rendered.Add(await RenderAsync(renderer, pdf, page, Path.Combine(output.Path, $"tv-{i:000}.png")));
            sequential += stopwatch.Elapsed;
            if (i % 2 == 0)
            {
                pyMuPdf += await pyMuPdfWorker.RenderAsync(pdf, page, frames[i], grayscale, muPath);
            }

            if ((rendered[i].WidthPx, rendered[i].HeightPx) != (frames[i].WidthPx, frames[i].HeightPx))
            {
                throw new InvalidOperationException($"{pdf} page {page.Number}: TimeVision rendered {rendered[i].WidthPx}×{rendered[i].HeightPx}, its frame is {frames[i].WidthPx}×{frames[i].HeightPx}.");
            }
        }

        var parallel = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            jobs.Select((job, index) => (job.Pdf, job.Page, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (job, _) => await RenderAsync(renderer, job.Pdf, job.Page, Path.Combine(output.Path, $"tvp-{job.index:000}.png")));
        parallel.Stop();
        var pyMuPdfParallel = await RunPyMuPdfInParallelAsync(jobs, frames, grayscale, output.Path, workers: Environment.ProcessorCount);

        var stages = await TimeStagesAsync(services, jobs, output.Path);
        var timeVisionBytes = rendered.Sum(page => page.Bytes);
        var pages = jobs.Count;
        var mode = grayscale ? "grayscale" : "RGB";
        var seconds = sequential.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"{mode}: {pages} pages, {rendered.Sum(p => (long)p.WidthPx * p.HeightPx) / 1e6:0} Mpx in all");
        Print($"  TimeVision  {pages / seconds,6:0.00} pages/s  {seconds,6:0.00} s  {timeVisionBytes / 1e6,7:0.00} MB PNG");
        Print($"  PyMuPDF     {pages / pyMuPdf.Seconds,6:0.00} pages/s  {pyMuPdf.Seconds,6:0.00} s  {pyMuPdf.Bytes / 1e6,7:0.00} MB PNG");
        Print($"  ratio       {seconds / pyMuPdf.Seconds,6:0.00}× PyMuPDF's time (goal ≤ 1.00)   {(double)timeVisionBytes / pyMuPdf.Bytes,7:0.00}× the bytes");
        Print($"  {Environment.ProcessorCount} pages at a time (per-page fan-out): TimeVision {pages / parallel.Elapsed.TotalSeconds:0.00} pages/s, PyMuPDF ({Environment.ProcessorCount} processes) {pages / pyMuPdfParallel.Seconds:0.00} pages/s, {parallel.Elapsed.TotalSeconds / pyMuPdfParallel.Seconds:0.00}× PyMuPDF's time");
        Console.WriteLine("  where the time goes, one page at a time, summed over the pages (each stage run on its own):");
        var total = stages.Start + stages.Reading + stages.Rasterising + stages.Encoding;
        PrintStage("starting Poppler (a blank page at 1 px)", stages.Start, total);
        PrintStage("reading the page (fonts, drawing commands, images; at 1 px)", stages.Reading, total);
        PrintStage("rasterising and handing over the pixels", stages.Rasterising, total);
        PrintStage("PNG encode (in-process, from memory)", stages.Encoding, total);
        Print($"    sum of the stages {total.TotalSeconds:0.00} s; PyMuPDF: rasterising {pyMuPdf.RenderSeconds:0.00} s, PNG encode {pyMuPdf.Seconds - pyMuPdf.RenderSeconds:0.00} s");
        Print($"    Poppler's backends on the same pages, all of Poppler: Cairo (pdftocairo, used) {stages.Poppler.TotalSeconds:0.00} s, Splash (pdftoppm) {stages.Splash.TotalSeconds:0.00} s");

        await ComparePageImagesAsync(services, jobs, frames, grayscale, output.Path);
    }

    /// <summary>
    /// The pipeline's page images, made three ways on every page in turn (who goes first rotates), with PyMuPDF at the
    /// model's size beside them: the stored page and the image the model is sent (<c>Vision:MaxImageLongSidePx</c>).
    /// Before: the page rendered at its frame and stored, then decoded, resized and encoded again for the model. One
    /// raster: the frame's pixels encoded as the stored page and resized in memory for the model, no decode. At the
    /// model's size: the page rendered straight at the model's size, stored, and sent as stored.
    /// </summary>
    private static async Task ComparePageImagesAsync(
        ServiceProvider services, List<(string Pdf, PdfPageInfo Page)> jobs, List<PageFrame> frames, bool grayscale, string folder)
    {
        var renderer = services.GetRequiredService<IPageRenderer>();
        var poppler = (PopplerPageRenderer)renderer;
        var modelSide = services.GetRequiredService<IOptions<VisionOptions>>().Value.LargestImageLongSidePx();
        await using var pyMuPdfWorker = PyMuPdfWorker.Start();
        var options = new PageImageRun[3];
        Func<int, Task<PageImageRun>>[] ways =
        [
            i => BeforeAsync(renderer, jobs[i], modelSide),
            i => OneRasterAsync(poppler, jobs[i], frames[i], modelSide),
            i => AtModelSizeAsync(renderer, jobs[i], modelSide),
        ];
        for (var way = 0; way < ways.Length; way++)
        {
            options[way] = new PageImageRun(TimeSpan.Zero, 0, 0);
        }

        var pyMuPdf = new PyMuPdfRun(0, 0, 0);
        for (var i = 0; i < jobs.Count; i++)
        {
            var runs = new PageImageRun[ways.Length];
            for (var k = 0; k < ways.Length; k++)
            {
                var way = (i + k) % ways.Length;
                runs[way] = await ways[way](i);
            }

            var sizes = runs.Select(run => run.ModelSize).Distinct().ToList();
            if (sizes.Count != 1)
            {
                throw new InvalidOperationException($"{jobs[i].Pdf} page {jobs[i].Page.Number}: the model images differ in size ({string.Join(", ", sizes)}).");
            }

            var modelFrame = new PageFrame(sizes[0].Width, sizes[0].Height, frames[i].Dpi);
            pyMuPdf += await pyMuPdfWorker.RenderAsync(jobs[i].Pdf, jobs[i].Page, modelFrame, grayscale, Path.Combine(folder, "mu-model.png"));
            for (var way = 0; way < ways.Length; way++)
            {
                options[way] += runs[way];
            }
        }

        var pages = jobs.Count;
        var before = options[0].Time.TotalSeconds;
        Console.WriteLine($"  the pipeline's page images (stored page and the model's {modelSide} px image), one page at a time:");
        string[] names =
        [
            "render at the frame, decode, resize, re-encode (before)",
            "one raster at the frame, two encodes (no decode)",
            "render at the model's size, stored = sent (used)",
        ];
        for (var way = 0; way < ways.Length; way++)
        {
            var run = options[way];
            Print($"    {names[way],-56} {pages / run.Time.TotalSeconds,6:0.00} pages/s  {run.Time.TotalSeconds / before,5:0.00}× before's time  stored {run.StoredBytes / 1e6,6:0.00} MB  sent {run.SentBytes / 1e6,6:0.00} MB");
        }

        Print($"    PyMuPDF at the model's size                              {pages / pyMuPdf.Seconds,6:0.00} pages/s; rendering at the model's size takes {options[2].Time.TotalSeconds / pyMuPdf.Seconds:0.00}× PyMuPDF's time");
    }

    private static async Task<PageImageRun> BeforeAsync(IPageRenderer renderer, (string Pdf, PdfPageInfo Page) job, int modelSide)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stored = new MemoryStream();
        await Succeeded(renderer.RenderPageAsync(job.Pdf, job.Page, stored, CancellationToken.None));
        var model = await ModelImage.FromPageAsync(BinaryData.FromBytes(stored.ToArray()), modelSide, CancellationToken.None);
        return new PageImageRun(stopwatch.Elapsed, stored.Length, model.Png.ToMemory().Length, (model.WidthPx, model.HeightPx));
    }

    private static async Task<PageImageRun> OneRasterAsync(PopplerPageRenderer renderer, (string Pdf, PdfPageInfo Page) job, PageFrame frame, int modelSide)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stored = new MemoryStream();
        ModelImage? model = null;
        await Succeeded(renderer.RenderPixelsAsync(job.Pdf, job.Page, frame, async (rows, header, token) =>
        {
            var pixels = new byte[(long)header.Stride * header.Height];
            await rows.ReadExactlyAsync(pixels, token);
            await PngEncoder.EncodeAsync(new MemoryStream(pixels), header, frame.Dpi, stored, token);
            using var bitmap = Bitmap(pixels, header);
            model = await ModelImage.DownscaleAsync(bitmap, modelSide, token);
            return stored.Length;
        }, CancellationToken.None));
        return new PageImageRun(stopwatch.Elapsed, stored.Length, model!.Png.ToMemory().Length, (model.WidthPx, model.HeightPx));
    }

    private static async Task<PageImageRun> AtModelSizeAsync(IPageRenderer renderer, (string Pdf, PdfPageInfo Page) job, int modelSide)
    {
        var stopwatch = Stopwatch.StartNew();
        using var stored = new MemoryStream();
        await Succeeded(renderer.RenderPageAsync(job.Pdf, job.Page, modelSide, stored, CancellationToken.None));
        var model = await ModelImage.FromPageAsync(BinaryData.FromBytes(stored.ToArray()), modelSide, CancellationToken.None);
        if (model.Png.ToMemory().Length != stored.Length)
        {
            throw new InvalidOperationException($"{job.Pdf} page {job.Page.Number}: the page rendered at the model's size was encoded again.");
        }

        return new PageImageRun(stopwatch.Elapsed, stored.Length, model.Png.ToMemory().Length, (model.WidthPx, model.HeightPx));
    }

    /// <summary>Raw rows as a SkiaSharp bitmap the model image's downscale takes: gray as is, RGB with opaque alpha.</summary>
    private static SKBitmap Bitmap(byte[] pixels, RawImageHeader header)
    {
        var gray = header.Channels == 1;
        var bitmap = new SKBitmap(new SKImageInfo(header.Width, header.Height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque));
        var target = bitmap.GetPixelSpan();
        for (var y = 0; y < header.Height; y++)
        {
            var source = pixels.AsSpan(y * header.Stride, header.Stride);
            var row = target.Slice(y * bitmap.RowBytes, header.Width * bitmap.BytesPerPixel);
            if (gray)
            {
                source.CopyTo(row);
                continue;
            }

            for (var x = 0; x < header.Width; x++)
            {
                row[(x * 4) + 0] = source[(x * 3) + 0];
                row[(x * 4) + 1] = source[(x * 3) + 1];
                row[(x * 4) + 2] = source[(x * 3) + 2];
                row[(x * 4) + 3] = 255;
            }
        }

        return bitmap;
    }

    private static void PrintStage(string name, TimeSpan time, TimeSpan total) =>
        Print($"    {name,-62} {time.TotalSeconds,6:0.00} s {time / total,5:P0}");

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Times each stage of TimeVision's renderer on every page, stage after stage for one page before the next page, so
    /// a burst of load on the machine falls on all stages alike. Each Poppler run pays process start and page reading,
    /// so the stages are differences: a blank page at 1 px (start), the page at 1 px (start and reading), the page at
    /// its size with the pixels read and dropped (all of Poppler); the PNG encode runs alone on pixels held in memory.
    /// </summary>
    private static async Task<Stages> TimeStagesAsync(ServiceProvider services, List<(string Pdf, PdfPageInfo Page)> jobs, string folder)
    {
        var renderer = (PopplerPageRenderer)services.GetRequiredService<IPageRenderer>();
        var options = services.GetRequiredService<IOptions<RenderingOptions>>().Value;
        var blank = TestPdfs.WriteTo(folder, "blank.pdf", TestPdfs.WithPages(1));
        var onePixel = new PageFrame(1, 1, 1);
        var (start, whole, poppler, splash, encoding) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        foreach (var (pdf, page) in jobs)
        {
            var frame = PageFrame.For(page, options).Value!;
            start += await TimeAsync(() => renderer.RenderPixelsAsync(blank, new PdfPageInfo(1, 842, 595, 0), onePixel, DrainAsync, CancellationToken.None));
            whole += await TimeAsync(() => renderer.RenderPixelsAsync(pdf, page, onePixel, DrainAsync, CancellationToken.None));
            poppler += await TimeAsync(() => renderer.RenderPixelsAsync(pdf, page, frame, DrainAsync, CancellationToken.None));
            splash += await TimeSplashAsync(pdf, page, frame, options.Grayscale);

            RawImageHeader? header = null;
            var pixels = new MemoryStream();
            await Succeeded(renderer.RenderPixelsAsync(pdf, page, frame, async (rows, h, token) =>
            {
                header = h;
                await rows.CopyToAsync(pixels, token);
                return pixels.Length;
            }, CancellationToken.None));
            pixels.Position = 0;
            var stopwatch = Stopwatch.StartNew();
            await PngEncoder.EncodeAsync(pixels, header!, frame.Dpi, Stream.Null, CancellationToken.None);
            encoding += stopwatch.Elapsed;
        }

        return new Stages(start, whole - start, poppler - whole, encoding, poppler, splash);
    }

    /// <summary>
    /// Poppler's other backend, Splash (<c>pdftoppm</c>, which TimeVision used before), on the same page at the same size,
    /// its raw pixels streamed to stdout and dropped: the figure to hold the Cairo backend's rasterising against.
    /// </summary>
    private static async Task<TimeSpan> TimeSplashAsync(string pdf, PdfPageInfo page, PageFrame frame, bool grayscale)
    {
        var number = page.Number.ToString(CultureInfo.InvariantCulture);
        var (x, y) = page.Rotation % 180 == 0 ? (frame.WidthPx, frame.HeightPx) : (frame.HeightPx, frame.WidthPx);
        string[] arguments =
        [
            "-f", number, "-l", number, "-cropbox",
            "-scale-to-x", x.ToString(CultureInfo.InvariantCulture), "-scale-to-y", y.ToString(CultureInfo.InvariantCulture),
            .. grayscale ? ["-gray"] : Array.Empty<string>(),
            pdf,
        ];
        var stopwatch = Stopwatch.StartNew();
        await CliWrap.Cli.Wrap("pdftoppm").WithArguments(arguments)
            .WithStandardOutputPipe(CliWrap.PipeTarget.Null)
            .WithValidation(CliWrap.CommandResultValidation.None)
            .ExecuteAsync();
        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<RenderResult<RenderedPage>>> run)
    {
        var stopwatch = Stopwatch.StartNew();
        await Succeeded(run());
        return stopwatch.Elapsed;
    }

    private static async Task Succeeded(Task<RenderResult<RenderedPage>> render)
    {
        var result = await render;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error.Message);
        }
    }

    /// <summary>Reads every row and drops it: what Poppler costs with nothing done with its pixels.</summary>
    private static async Task<long> DrainAsync(Stream rows, RawImageHeader header, CancellationToken cancellationToken)
    {
        var row = new byte[header.Stride];
        for (var y = 0; y < header.Height; y++)
        {
            await rows.ReadExactlyAsync(row, cancellationToken);
        }

        return 0;
    }

    private static async Task<RenderedPage> RenderAsync(IPageRenderer renderer, string pdf, PdfPageInfo page, string path)
    {
        await using var file = File.Create(path);
        var result = await renderer.RenderPageAsync(pdf, page, file, CancellationToken.None);
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"{pdf} page {page.Number}: {result.Error.Message}");
    }

    /// <summary>
    /// Renders the same pages with PyMuPDF in <paramref name="workers"/> processes at once, each taking every n-th page.
    /// Time is what the slowest worker measured around its pages (Python's start-up is not counted).
    /// </summary>
    private static async Task<PyMuPdfRun> RunPyMuPdfInParallelAsync(
        List<(string Pdf, PdfPageInfo Page)> jobs, List<PageFrame> frames, bool grayscale, string folder, int workers)
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            await using var pyMuPdf = PyMuPdfWorker.Start();
            var run = new PyMuPdfRun(0, 0, 0);
            for (var i = worker; i < jobs.Count; i += workers)
            {
                run += await pyMuPdf.RenderAsync(jobs[i].Pdf, jobs[i].Page, frames[i], grayscale, Path.Combine(folder, $"mup-{i:000}.png"));
            }

            return run;
        }));
        var slowest = runs.MaxBy(run => run.Seconds)!;
        return slowest with { Bytes = runs.Sum(run => run.Bytes) };
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

    /// <summary>PyMuPDF's time for a set of pages: all of it, and its rasterising alone.</summary>
    private sealed record PyMuPdfRun(double Seconds, double RenderSeconds, long Bytes)
    {
        public static PyMuPdfRun operator +(PyMuPdfRun left, PyMuPdfRun right) =>
            new(left.Seconds + right.Seconds, left.RenderSeconds + right.RenderSeconds, left.Bytes + right.Bytes);
    }

    /// <summary>A Python process with PyMuPDF that renders one page per request (<c>pymupdf_render.py</c>).</summary>
    private sealed class PyMuPdfWorker : IAsyncDisposable
    {
        private readonly Process _process;

        private PyMuPdfWorker(Process process) => _process = process;

        public static PyMuPdfWorker Start() => new(Process.Start(new ProcessStartInfo(DebianPython, [Path.Combine(AppContext.BaseDirectory, "pymupdf_render.py")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!);

        /// <summary>Renders one page at <paramref name="frame"/>'s size and returns PyMuPDF's own timing of it.</summary>
        public async Task<PyMuPdfRun> RenderAsync(string pdf, PdfPageInfo page, PageFrame frame, bool grayscale, string output)
        {
            var request = new JsonObject
            {
                ["pdf"] = pdf,
                ["page"] = page.Number,
                ["width"] = frame.WidthPx,
                ["height"] = frame.HeightPx,
                ["gray"] = grayscale,
                ["out"] = output,
            };
            await _process.StandardInput.WriteLineAsync(request.ToJsonString());
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"PyMuPDF stopped (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
            var answer = JsonDocument.Parse(line).RootElement;
            var size = answer.GetProperty("size");
            if (Math.Abs(size[0].GetInt32() - frame.WidthPx) > 1 || Math.Abs(size[1].GetInt32() - frame.HeightPx) > 1)
            {
                throw new InvalidOperationException($"PyMuPDF rendered {pdf} page {page.Number} at {size[0]}×{size[1]}, not {frame.WidthPx}×{frame.HeightPx}.");
            }

            return new PyMuPdfRun(answer.GetProperty("seconds").GetDouble(), answer.GetProperty("render_seconds").GetDouble(), answer.GetProperty("bytes").GetInt64());
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>One way of making the pipeline's page images: its time, the bytes stored and sent, the model image's size.</summary>
    private sealed record PageImageRun(TimeSpan Time, long StoredBytes, long SentBytes, (int Width, int Height) ModelSize = default)
    {
        public static PageImageRun operator +(PageImageRun left, PageImageRun right) =>
            new(left.Time + right.Time, left.StoredBytes + right.StoredBytes, left.SentBytes + right.SentBytes);
    }

    /// <summary>TimeVision's renderer, stage by stage, summed over the pages.</summary>
    /// <param name="Start">Starting Poppler.</param>
    /// <param name="Reading">Reading the page: fonts, drawing commands, images.</param>
    /// <param name="Rasterising">Rasterising and handing the pixels over.</param>
    /// <param name="Encoding">The PNG encode.</param>
    /// <param name="Poppler">All of Poppler: start, reading and rasterising.</param>
    /// <param name="Splash">All of Poppler's Splash backend (pdftoppm) on the same pages.</param>
    private sealed record Stages(TimeSpan Start, TimeSpan Reading, TimeSpan Rasterising, TimeSpan Encoding, TimeSpan Poppler, TimeSpan Splash);
}
