using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision show &lt;id&gt;</c>: a stored document estimate.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The document id (the PDF's SHA-256)." };
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("show", "Print a stored document estimate.") { id, data, json };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var given = parse.GetRequiredValue(id);
                var document = DocumentId.TryParse(given, out var documentId)
                    ? await services.GetRequiredService<IEstimateStore>().GetAsync(documentId.Value, cancellationToken)
                    : null;
                return document is null
                    ? CliOutput.WriteError(stdout, stderr, "not_found", $"No stored estimate with id '{given.Trim()}'.", ExitCodes.BadInput)
                    : await DocumentOutput.WriteAsync(services, document, parse.GetValue(json), stdout, cancellationToken);
            }, cancellationToken));
        return command;
    }
}
