using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision plan --features FILE</c>: the process plan of a features file (routing, setup and per-piece minutes), with no document.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var features = new Option<FileInfo>("--features") { Description = "The part's features (JSON, the contract of src/docs/process-plan.md).", Required = true };
        var cutting = new Option<FileInfo?>("--cutting-data") { Description = $"Cutting-data override merged over the defaults (default: {PlanningData.CuttingDataFileName} in the data folder, if there)." };
        var centres = new Option<FileInfo?>("--work-centres") { Description = $"Work-centres override merged over the defaults (default: {PlanningData.WorkCentresFileName} in the data folder, if there)." };
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Plan a part from its features: routing, work centres, setup and per-piece minutes, each explained by its formula.")
        {
            features, cutting, centres, data, json,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var dataDirectory = services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
            var plan = await FilePlans.PlanAsync(
                parse.GetRequiredValue(features).FullName, parse.GetValue(cutting)?.FullName, parse.GetValue(centres)?.FullName, dataDirectory, cancellationToken);
            if (plan.Value is null)
            {
                return CliOutput.WriteError(stdout, stderr, plan.Error!.Code, plan.Error.Message, ExitCodes.BadInput);
            }

            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(plan.Value, PlanningJson.Options));
            }
            else
            {
                PlanOutput.Write(stdout, plan.Value);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
