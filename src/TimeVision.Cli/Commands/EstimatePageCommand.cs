using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Json;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision estimate-page &lt;pdf-or-png&gt;</c>: one page through the vision model, the page result as JSON.
/// Exit 0 completed, 3 blocked or failed, 2 bad input (including no API key).
/// </summary>
internal static class EstimatePageCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("pdf-or-png") { Description = "A PDF drawing, or one page already rendered as PNG." };
        var page = new Option<int>("--page") { Description = "Page of the PDF to estimate (default 1).", DefaultValueFactory = _ => 1 };
        var model = CommonOptions.Model();
        var endpoint = CommonOptions.Endpoint();

        var command = new Command("estimate-page", "Estimate one drawing page with the vision model and print the page result as JSON.")
        {
            input, page, model, endpoint,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = CommonOptions.Overrides(parse, model: model, endpoint: endpoint);
            var console = parse.InvocationConfiguration;
            return RunAsync(parse.GetRequiredValue(input), parse.GetValue(page), overrides, console.Output, console.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo input, int pageNumber, IReadOnlyDictionary<string, string?> overrides, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{input.FullName}' does not exist.", ExitCodes.BadInput);
        }

        using var host = await CliHost.TryBuildAsync(overrides, stdout, stderr, cancellationToken);
        if (host is null)
        {
            return ExitCodes.BadInput;
        }

        if (host.Services.GetRequiredService<ModelAccess>().CheckEndpoint() is { } denied)
        {
            return CliOutput.WriteError(stdout, stderr, denied);
        }

        if (await ReadPageAsync(host.Services, input, pageNumber, stdout, stderr, cancellationToken) is not var (image, facts))
        {
            return ExitCodes.BadInput;
        }

        PageEstimateResult result;
        try
        {
            result = await host.Services.GetRequiredService<IVisionEstimator>().EstimatePageAsync(image, model: null, facts, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return CliOutput.WriteError(stdout, stderr, "not_image", $"'{input.Name}' is neither a PDF nor an image: {exception.Message}", ExitCodes.BadInput);
        }

        CliOutput.WriteResult(stdout, result);
        if (result.Status != PageEstimateStatus.Completed)
        {
            await stderr.WriteLineAsync($"page {JsonCode.Of(result.Status)}: {result.Error?.Message}");
            return ExitCodes.Incomplete;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The page image, rendered from a PDF with its text-layer facts, or the file itself when it is an image (no facts);
    /// <see langword="null"/> after writing the error.
    /// </summary>
    private static async Task<(BinaryData Image, PageFacts? Facts)?> ReadPageAsync(
        IServiceProvider services, FileInfo input, int pageNumber, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var header = new byte[PdfSignature.SearchWindow];
        int read;
        await using (var file = input.OpenRead())
        {
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (!PdfSignature.IsPdf(header.AsSpan(0, read)))
        {
            if (pageNumber != 1)
            {
                CliOutput.WriteError(stdout, stderr, "page_out_of_range", "--page applies to PDFs; an image is a single page.", ExitCodes.BadInput);
                return null;
            }

            return (BinaryData.FromBytes(await File.ReadAllBytesAsync(input.FullName, cancellationToken)), null);
        }

        var inspection = await services.GetRequiredService<IPdfInspector>().InspectAsync(input.FullName, cancellationToken);
        if (!inspection.Succeeded)
        {
            CliOutput.WriteError(stdout, stderr, inspection.Error.Code, inspection.Error.Message, ExitCodes.BadInput);
            return null;
        }

        if (pageNumber < 1 || pageNumber > inspection.Value.PageCount)
        {
            CliOutput.WriteError(
                stdout,
                stderr,
                "page_out_of_range",
                string.Create(CultureInfo.InvariantCulture, $"--page {pageNumber}: the PDF has {inspection.Value.PageCount} page(s)."),
                ExitCodes.BadInput);
            return null;
        }

        using var png = new MemoryStream();
        var largest = services.GetRequiredService<IOptions<VisionOptions>>().Value.LargestImageLongSidePx();
        var rendered = await services.GetRequiredService<IPageRenderer>()
            .RenderPageAsync(input.FullName, inspection.Value.Pages[pageNumber - 1], largest, png, cancellationToken);
        if (!rendered.Succeeded)
        {
            CliOutput.WriteError(stdout, stderr, rendered.Error.Code, rendered.Error.Message, ExitCodes.BadInput);
            return null;
        }

        var facts = await services.GetRequiredService<DrawingFactsReader>().ReadPageAsync(input.FullName, inspection.Value.Pages[pageNumber - 1], cancellationToken);
        if (!facts.Succeeded)
        {
            await stderr.WriteLineAsync($"page {pageNumber}: estimating without the text layer's facts: {facts.Error.Message}");
        }

        return (BinaryData.FromBytes(png.ToArray()), facts.Value);
    }
}
