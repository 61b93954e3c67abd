using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Models;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision model-info</c> and <c>timevision model activate &lt;id&gt;</c>.</summary>
internal static class ModelCommands
{
    public static Command Info()
    {
        var data = CommonOptions.Data();
        var command = new Command("model-info", "Show the model estimates are made with, where that choice comes from, candidates and estimate counts.") { data };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, _) =>
            {
                CliOutput.WriteResult(stdout, await services.GetRequiredService<ModelInfoService>().GetAsync(cancellationToken));
                return ExitCodes.Success;
            }));
        return command;
    }

    public static Command Model()
    {
        var id = new Argument<string>("model-id") { Description = "The model to switch on, e.g. ft:gpt-4o-2024-08-06:shop::abc123 or gpt-4.1." };
        var data = CommonOptions.Data();
        var activate = new Command("activate", "Switch the active model in the registry (Vision:Model, when set, still wins).") { id, data };
        activate.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var state = await services.GetRequiredService<ModelInfoService>().ActivateAsync(parse.GetRequiredValue(id), cancellationToken);
                var info = await services.GetRequiredService<ModelInfoService>().GetAsync(cancellationToken);
                if (info.Source == "configuration")
                {
                    await stderr.WriteLineAsync($"note: Vision:Model is set to {info.ActiveModel}; it wins over the registry until it is removed.");
                }

                CliOutput.WriteResult(stdout, new { activeModel = state.ActiveModel, activatedAt = state.ActivatedAt, inUse = info.ActiveModel, source = info.Source });
                return ExitCodes.Success;
            }));
        return new Command("model", "Manage the model registry.") { activate };
    }
}
