using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision plan --features FILE</c>: the process plan of a features file (routing, setup and per-piece minutes),
/// with no document; <c>timevision plan &lt;id&gt;</c>: a stored estimate's plan and the features it was made from;
/// with <c>--accept</c>, the estimator's word that this plan is right, recorded with who and when; with <c>--replan</c>,
/// its stored features planned again with the shop's cutting data and work centres in use (no model call).
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "A stored estimate's id (the PDF's SHA-256): show its plan.", Arity = ArgumentArity.ZeroOrOne };
        var features = new Option<FileInfo?>("--features") { Description = "The part's features (JSON, the contract of src/docs/process-plan.md): plan them, with no document." };
        var cutting = new Option<FileInfo?>("--cutting-data") { Description = $"Cutting-data override merged over the defaults (default: the override stored with cutting-data set, else {PlanningData.CuttingDataFileName} in the data folder, if there)." };
        var centres = new Option<FileInfo?>("--work-centres") { Description = $"Work-centres override merged over the defaults (default: the rates' work centres once set, else {PlanningData.WorkCentresFileName} in the data folder, if there)." };
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var accept = new Option<bool>("--accept") { Description = "Record that the stored estimate's plan, as shown, is right: its features then confirm what the text layer read (export-training --task features)." };
        var by = new Option<string?>("--by") { Description = "Who accepts the plan (with --accept); by default this PC's user." };
        var replan = new Option<bool>("--replan") { Description = "Plan the stored estimate's features again with the shop's cutting data and work centres in use (after cutting-data set or rates set); no model call." };
        var command = new Command("plan", "Plan a part from its features, or show a stored estimate's plan: routing, work centres, setup and per-piece minutes, each explained by its formula, and the shop's factors once the engine is calibrated.")
        {
            id, features, cutting, centres, data, json, accept, by, replan,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(parse, CommonOptions.Overrides(parse, data), async (services, stdout, stderr) =>
        {
            var given = parse.GetValue(id);
            var file = parse.GetValue(features);
            if ((given is null) == (file is null))
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", "Give either a stored estimate's id or --features FILE.", ExitCodes.BadInput);
            }

            if ((parse.GetValue(accept) || parse.GetValue(replan)) && given is null)
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", "--accept and --replan need a stored estimate's id.", ExitCodes.BadInput);
            }

            if (parse.GetValue(accept) && parse.GetValue(replan))
            {
                return CliOutput.WriteError(stdout, stderr, "invalid_option", "Give --accept or --replan, not both: accept the plan you have seen.", ExitCodes.BadInput);
            }

            if (given is not null)
            {
                return parse.GetValue(accept) ? await AcceptAsync(services, given, parse.GetValue(by) ?? Environment.UserName, parse.GetValue(json), stdout, stderr, cancellationToken)
                    : parse.GetValue(replan) ? await ReplanAsync(services, given, parse.GetValue(json), stdout, stderr, cancellationToken)
                    : await StoredAsync(services, given, parse.GetValue(json), stdout, stderr, cancellationToken);
            }

            return await FromFileAsync(services, file!, parse.GetValue(cutting), parse.GetValue(centres), parse.GetValue(json), stdout, stderr, cancellationToken);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> FromFileAsync(
        IServiceProvider services, FileInfo features, FileInfo? cutting, FileInfo? centres, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var plan = await services.GetRequiredService<EstimatePlans>().PlanFileAsync(features.FullName, cutting?.FullName, centres?.FullName, cancellationToken);
        if (plan.Value is null)
        {
            return CliOutput.WriteError(stdout, stderr, plan.Error!.Code, plan.Error.Message, ExitCodes.BadInput);
        }

        if (json)
        {
            await stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(plan.Value, PlanningJson.Options));
        }
        else
        {
            PlanOutput.Write(stdout, plan.Value);
        }

        return ExitCodes.Success;
    }

    /// <summary>Records the acceptance of the plan as stored now, then shows it as <see cref="StoredAsync"/> does.</summary>
    private static async Task<int> AcceptAsync(
        IServiceProvider services, string id, string by, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var plans = services.GetRequiredService<EstimatePlans>();
        var found = await plans.FindAsync(id, cancellationToken);
        if (found.Plan is null)
        {
            return CliOutput.WriteError(stdout, stderr, found.Code!, found.Message!, found.Code == StoredPlanLookup.NotFound ? ExitCodes.BadInput : ExitCodes.Incomplete);
        }

        var accepted = await plans.AcceptAsync(id, by, found.ETag!, cancellationToken);
        if (accepted.Outcome != StoredPlanChangeOutcome.Saved)
        {
            return CliOutput.WriteError(stdout, stderr, "stale_token", accepted.Message!, ExitCodes.Conflict);
        }

        await stderr.WriteLineAsync($"Plan of features version {found.Plan.Features.Version} accepted by {by}.");
        return await StoredAsync(services, id, json, stdout, stderr, cancellationToken);
    }

    /// <summary>Plans the stored features again with the shop's data in use, then shows the new plan as <see cref="StoredAsync"/> does.</summary>
    private static async Task<int> ReplanAsync(IServiceProvider services, string id, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var found = await services.GetRequiredService<EstimatePlans>().FindAsync(id, cancellationToken);
        if (found.Plan is null)
        {
            return CliOutput.WriteError(stdout, stderr, found.Code!, found.Message!, found.Code == StoredPlanLookup.NotFound ? ExitCodes.BadInput : ExitCodes.Incomplete);
        }

        var replanned = await services.GetRequiredService<EstimateReplans>().ReplanAsync(id, found.ETag!, cancellationToken);
        if (replanned.Outcome != StoredPlanChangeOutcome.Saved)
        {
            return CliOutput.WriteError(stdout, stderr, "stale_token", replanned.Message!, ExitCodes.Conflict);
        }

        var plan = replanned.Document!.Plan!;
        await stderr.WriteLineAsync($"Features version {plan.FeaturesVersion} planned again with cutting data {plan.CuttingDataVersion}, work centres {plan.WorkCentresVersion}.");
        return await StoredAsync(services, id, json, stdout, stderr, cancellationToken);
    }

    private static async Task<int> StoredAsync(IServiceProvider services, string id, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var found = await services.GetRequiredService<EstimatePlans>().FindAsync(id, cancellationToken);
        if (found.Plan is not { } stored)
        {
            return CliOutput.WriteError(stdout, stderr, found.Code!, found.Message!, found.Code == StoredPlanLookup.NotFound ? ExitCodes.BadInput : ExitCodes.Incomplete);
        }

        if (json)
        {
            await stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(stored, PlanningJson.Options));
        }
        else
        {
            PlanOutput.Write(stdout, stored);
        }

        var current = await services.GetRequiredService<EstimateReplans>().CurrentAsync(cancellationToken);
        if (current.CuttingDataVersion != stored.Plan.CuttingDataVersion || current.WorkCentresVersion != stored.Plan.WorkCentresVersion)
        {
            await stderr.WriteLineAsync(
                $"The shop's data changed since this plan was made (now cutting data {current.CuttingDataVersion}, work centres {current.WorkCentresVersion}); plan {stored.Id} --replan makes it again.");
        }

        return ExitCodes.Success;
    }
}
