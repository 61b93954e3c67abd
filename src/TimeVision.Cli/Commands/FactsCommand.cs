using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision facts &lt;pdf&gt;</c>: what the PDF's text layer says, page by page, as JSON.</summary>
internal static class FactsCommand
{
    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "The PDF drawing to read." };
        var page = new Option<int?>("--page") { Description = "Only this page (1-based)." };
        var command = new Command("facts", "Read material, units, drawing number, title-block fields and features from the PDF's text layer (no model).")
        {
            pdf, page,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, new Dictionary<string, string?>(), async (services, stdout, stderr) =>
        {
            var file = parse.GetRequiredValue(pdf);
            if (!file.Exists)
            {
                return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{file.FullName}' does not exist.", ExitCodes.BadInput);
            }

            var inspection = await services.GetRequiredService<IPdfInspector>().InspectAsync(file.FullName, cancellationToken);
            if (!inspection.Succeeded)
            {
                return CliOutput.WriteError(stdout, stderr, inspection.Error.Code, inspection.Error.Message, ExitCodes.BadInput);
            }

            if (parse.GetValue(page) is { } number && (number < 1 || number > inspection.Value.Pages.Count))
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", $"--page {number} is not a page of this {inspection.Value.Pages.Count}-page PDF.", ExitCodes.BadInput);
            }

            var pages = await services.GetRequiredService<DrawingFactsReader>().ReadAsync(file.FullName, parse.GetValue(page), cancellationToken);
            CliOutput.WriteResult(stdout, new { file = file.Name, pages });
            foreach (var flagged in pages.Where(p => !p.HasText))
            {
                await stderr.WriteLineAsync($"page {flagged.Page}: no usable text layer (a scan, or lettering drawn as outlines); no facts read.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
