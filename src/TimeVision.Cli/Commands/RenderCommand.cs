using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision render &lt;pdf&gt; --out &lt;dir&gt;</c>: every page of a PDF to PNG files.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "The PDF drawing to render." };
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder for page-001.png, page-002.png, …; created if missing.",
            Required = true,
        };
        var dpi = new Option<double?>("--dpi") { Description = "Target resolution (default 300, or Rendering:Dpi)." };
        var maxPx = new Option<int?>("--max-px") { Description = "Cap on a page's longest side in pixels (default 4096, or Rendering:MaxLongSidePx)." };
        var gray = new Option<bool>("--gray") { Description = "8-bit grayscale PNGs (the default)." };
        var color = new Option<bool>("--color") { Description = "RGB PNGs instead of grayscale." };

        var command = new Command("render", "Render every page of a PDF to PNG and print a JSON summary.")
        {
            pdf, output, dpi, maxPx, gray, color,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(gray) && result.GetValue(color))
            {
                result.AddError("--gray and --color cannot be used together.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(dpi) is { } dpiValue)
            {
                overrides[$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.Dpi)}"] = dpiValue.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(maxPx) is { } maxPxValue)
            {
                overrides[$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.MaxLongSidePx)}"] = maxPxValue.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(gray) || parse.GetValue(color))
            {
                overrides[$"{RenderingOptions.SectionName}:{nameof(RenderingOptions.Grayscale)}"] = parse.GetValue(gray) ? "true" : "false";
            }

            var console = parse.InvocationConfiguration;
            return RunAsync(parse.GetRequiredValue(pdf), parse.GetRequiredValue(output), overrides, console.Output, console.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo pdf,
        DirectoryInfo output,
        IReadOnlyDictionary<string, string?> overrides,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (!pdf.Exists)
        {
            return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{pdf.FullName}' does not exist.", ExitCodes.BadInput);
        }

        using var host = await CliHost.TryBuildAsync(overrides, stdout, stderr, cancellationToken);
        if (host is null)
        {
            return ExitCodes.BadInput;
        }

        var inspection = await host.Services.GetRequiredService<IPdfInspector>().InspectAsync(pdf.FullName, cancellationToken);
        if (!inspection.Succeeded)
        {
            return CliOutput.WriteError(stdout, stderr, inspection.Error.Code, inspection.Error.Message, ExitCodes.BadInput);
        }

        output.Create();
        var renderer = host.Services.GetRequiredService<IPageRenderer>();
        var pages = new ConcurrentBag<RenderedPageOutput>();
        await Parallel.ForEachAsync(
            inspection.Value.Pages,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (page, token) => pages.Add(await RenderToFileAsync(renderer, pdf.FullName, page, output, token)));

        var ordered = pages.OrderBy(p => p.Page).ToList();
        var failure = ordered.FirstOrDefault(p => p.Error is not null)?.Error;
        CliOutput.WriteResult(stdout, new RenderOutput(pdf.Name, ordered, stopwatch.ElapsedMilliseconds, failure));
        if (failure is not null)
        {
            await stderr.WriteLineAsync($"error: {failure.Message}");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    private static async Task<RenderedPageOutput> RenderToFileAsync(
        IPageRenderer renderer, string pdfPath, PdfPageInfo page, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(output.FullName, string.Create(CultureInfo.InvariantCulture, $"page-{page.Number:000}.png"));
        var partial = path + ".partial";
        RenderResult<RenderedPage> result;
        try
        {
            await using var file = File.Create(partial);
            result = await renderer.RenderPageAsync(pdfPath, page, file, cancellationToken);
        }
        catch
        {
            File.Delete(partial); // a full disk or a cancel leaves no cut-off PNG behind
            throw;
        }

        if (!result.Succeeded)
        {
            File.Delete(partial);
            return new RenderedPageOutput(page.Number, null, null, null, null, null, result.Error);
        }

        File.Move(partial, path, overwrite: true);
        var rendered = result.Value;
        return new RenderedPageOutput(page.Number, rendered.WidthPx, rendered.HeightPx, rendered.Dpi, rendered.Bytes, path, null);
    }

    private sealed record RenderOutput(string File, IReadOnlyList<RenderedPageOutput> Pages, long ElapsedMs, RenderError? Error);

    private sealed record RenderedPageOutput(
        int Page, int? WidthPx, int? HeightPx, double? Dpi, long? Bytes, string? Path, RenderError? Error);
}
