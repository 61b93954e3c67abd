using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision cutting-data show</c>, <c>set FILE</c> and <c>reset</c>: the cutting data plans use, the shop's
/// override over the shipped values, as <c>GET/PUT/DELETE /api/cutting-data</c> answer and take it. Exit 0 done, 2 a
/// bad file or unreadable cutting data, 4 another version was stored since the one <c>--if-match</c> names.
/// </summary>
internal static class CuttingDataCommands
{
    private static readonly JsonSerializerOptions Indented = new(PlanningJson.Options) { WriteIndented = true };

    public static Command Create() => new("cutting-data", "Show, set or reset the shop's cutting data: Vc, feeds and depths per material group, tool rules.")
    {
        Show(), Set(), Reset(),
    };

    private static Command Show()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show the cutting data in use, its version and where its override comes from; --json prints it whole.") { data, json };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var current = await services.GetRequiredService<ShopCuttingDataService>().CurrentAsync(cancellationToken);
            if (current.InUse is not { } inUse)
            {
                return CliOutput.WriteError(stdout, stderr, "cutting_data_unavailable", $"The cutting data cannot be read: {current.Error!.Message}", ExitCodes.BadInput);
            }

            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(inUse, Indented));
            }
            else
            {
                CuttingDataOutput.Write(stdout, inUse);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Set()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "The override (JSON, as the data folder's cutting-data.json: only the values that differ from the shipped ones), stored as the next version.",
        };
        var (ifMatch, by, data) = (IfMatch(), By(), CommonOptions.Data());
        var command = new Command("set", "Store a cutting-data override as the next version; every later plan uses it.") { file, ifMatch, by, data };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{path}' does not exist.", ExitCodes.BadInput);
            }

            var cutting = services.GetRequiredService<ShopCuttingDataService>();
            var json = await File.ReadAllTextAsync(path, cancellationToken);
            var tag = parse.GetValue(ifMatch) ?? (await cutting.CurrentAsync(cancellationToken)).ETag;
            return Stored(stdout, stderr, await cutting.SetAsync(json, tag, parse.GetValue(by), cancellationToken));
        }, cancellationToken));
        return command;
    }

    private static Command Reset()
    {
        var (ifMatch, by, data) = (IfMatch(), By(), CommonOptions.Data());
        var command = new Command("reset", "Go back to the shipped cutting data (with the data folder's cutting-data.json, if it has one), stored as the next version.") { ifMatch, by, data };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var cutting = services.GetRequiredService<ShopCuttingDataService>();
            var tag = parse.GetValue(ifMatch) ?? (await cutting.CurrentAsync(cancellationToken)).ETag;
            return Stored(stdout, stderr, await cutting.ResetAsync(tag, parse.GetValue(by), cancellationToken));
        }, cancellationToken));
        return command;
    }

    private static Option<string?> IfMatch() => new("--if-match") { Description = "The version it changes, as its ETag (\"3\"; \"0\" while none is stored); default: the current one." };

    private static Option<string?> By() => new("--by") { Description = "Who is setting it, recorded with the version." };

    private static int Stored(TextWriter stdout, TextWriter stderr, CuttingDataSetResult result)
    {
        switch (result.Outcome)
        {
            case CuttingDataSetOutcome.Saved:
                CliOutput.WriteResult(stdout, new { version = result.Read!.InUse?.Version, stored = result.Read.InUse?.Stored?.Version, etag = result.Read.ETag });
                return ExitCodes.Success;
            case CuttingDataSetOutcome.Stale:
                return CliOutput.WriteError(stdout, stderr, "stale_token", result.Error!.Message, ExitCodes.Conflict);
            default:
                return CliOutput.WriteError(stdout, stderr, result.Error!.Code, result.Error.Message, ExitCodes.BadInput);
        }
    }
}
