using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision similar &lt;id&gt; [--k 5]</c>: the labelled past parts most similar to each part of a stored document.</summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The document id (the PDF's SHA-256)." };
        var k = new Option<int?>("--k") { Description = "Similar past parts per part (default History:Neighbours, 5)." };
        k.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > HistoryOptions.MaxNeighbours)
            {
                result.AddError($"--k must be from 1 to {HistoryOptions.MaxNeighbours}.");
            }
        });
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("similar", "List the shop's labelled past parts most similar to each part of a stored document, with their real times.") { id, k, data, json };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var given = parse.GetRequiredValue(id);
                var answer = DocumentId.TryParse(given, out var documentId)
                    ? await services.GetRequiredService<SimilarPartsFinder>().FindAsync(documentId.Value, parse.GetValue(k), cancellationToken)
                    : null;
                if (answer is null)
                {
                    return CliOutput.WriteError(stdout, stderr, "not_found", $"No stored estimate with id '{given.Trim()}'.", ExitCodes.BadInput);
                }

                if (parse.GetValue(json))
                {
                    CliOutput.WriteResult(stdout, answer);
                }
                else
                {
                    await stdout.WriteAsync(SimilarOutput.Summary(answer, maxPerPart: null));
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }
}
