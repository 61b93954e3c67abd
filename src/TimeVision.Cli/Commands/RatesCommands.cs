using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision rates show</c> and <c>timevision rates set FILE</c>: the shop's rates (the work centres the planner
/// uses with their hourly rates, the coefficients, the material prices), as <c>GET/PUT /api/rates</c> answers and takes
/// them. Exit 0 done, 2 a bad file, 4 another version was stored since the one the file was read from.
/// </summary>
internal static class RatesCommands
{
    public static Command Create() => new("rates", "Show or set the shop's rates: work centres with their hourly rates, coefficients, material prices.") { Show(), Set() };

    private static Command Show()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show the rates in use and their version; --json prints the document rates set takes.") { data, json };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var current = await services.GetRequiredService<ShopRatesService>().CurrentAsync(cancellationToken);
            if (current.Rates is null)
            {
                return CliOutput.WriteError(stdout, stderr, QuoteProblem.RatesUnavailable, $"The rates cannot be read: {current.Error!.Message}", ExitCodes.BadInput);
            }

            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(current.Rates, Indented));
            }
            else
            {
                RatesOutput.Write(stdout, current.Rates);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Set()
    {
        var file = new Argument<FileInfo>("file") { Description = "The rates (JSON, as rates show --json prints them): stored whole as the next version." };
        var ifMatch = new Option<string?>("--if-match")
        {
            Description = "The version it changes, as its ETag (\"3\"); default: the version the file names (shop-3), or, for a file without one, the current one.",
        };
        var by = new Option<string?>("--by") { Description = "Who is setting them, recorded with the version." };
        var data = CommonOptions.Data();
        var command = new Command("set", "Store a rates file as the next version; every later quote and plan uses it.") { file, ifMatch, by, data };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{path}' does not exist.", ExitCodes.BadInput);
            }

            var read = RatesFile.Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
            if (read.Value is null)
            {
                return CliOutput.WriteError(stdout, stderr, read.Error!.Code, read.Error.Message, ExitCodes.BadInput);
            }

            var rates = services.GetRequiredService<ShopRatesService>();
            var tag = parse.GetValue(ifMatch) ?? await BaseOfAsync(rates, read.Value.Version, cancellationToken);
            var result = await rates.SetAsync(read.Value, tag, parse.GetValue(by), cancellationToken);
            return result.Outcome switch
            {
                RatesSetOutcome.Saved => Saved(stdout, result),
                RatesSetOutcome.Stale => CliOutput.WriteError(stdout, stderr, "stale_token", result.Message!, ExitCodes.Conflict),
                _ => CliOutput.WriteError(stdout, stderr, "invalid_value", $"{Path.GetFileName(path)}: {result.Message}", ExitCodes.BadInput),
            };
        }, cancellationToken));
        return command;
    }

    private static readonly JsonSerializerOptions Indented = new(PlanningJson.Options) { WriteIndented = true };

    /// <summary>The ETag of the version a file was read from: <c>shop-N</c> is N's, the defaults none, no version the current one.</summary>
    private static async Task<string?> BaseOfAsync(ShopRatesService rates, string? version, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return (await rates.CurrentAsync(cancellationToken)).ETag;
        }

        return version.StartsWith(ShopRatesService.StoredVersionPrefix, StringComparison.Ordinal)
            && int.TryParse(version[ShopRatesService.StoredVersionPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? ShopRatesService.ETagOf(number)
            : null;
    }

    private static int Saved(TextWriter stdout, RatesSetResult result)
    {
        CliOutput.WriteResult(stdout, new { version = result.Rates!.Version, etag = result.ETag });
        return ExitCodes.Success;
    }
}
