using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.ModelOps.ModelCheck;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Core.Storage;

namespace TimeVision.Cli.Commands;

/// <summary><c>timevision model-info</c>, <c>timevision model check &lt;id&gt;</c> and <c>timevision model activate &lt;id&gt;</c>.</summary>
internal static class ModelCommands
{
    public static Command Info()
    {
        var data = CommonOptions.Data();
        var command = new Command("model-info", "Show the model estimates are made with, where that choice comes from, when it retires, candidates and estimate counts.") { data };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, _) =>
            {
                CliOutput.WriteResult(stdout, await services.GetRequiredService<ModelInfoService>().GetAsync(cancellationToken));
                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    public static Command Model() => new("model", "Check models and manage the model registry.") { Check(), Activate() };

    private static Command Check()
    {
        var id = new Argument<string>("model-id") { Description = "The model to check, e.g. gpt-4.1, o4-mini or an Azure OpenAI deployment." };
        var endpoint = CommonOptions.Endpoint();
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("check", "Send the two sample drawings to a model once each and say whether it can take over (exit 0 usable, 3 not).")
        {
            id, endpoint, json, data,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, endpoint: endpoint),
            async (services, stdout, stderr) =>
            {
                var model = parse.GetRequiredValue(id).Trim();
                if ((InvalidModelId(model, stdout, stderr) ?? MissingModelAccess(services, model, force: false, stdout, stderr)) is { } exit)
                {
                    return exit;
                }

                var report = await services.GetRequiredService<ModelCheckService>().CheckAsync(model, cancellationToken);
                Write(report, parse.GetValue(json), stdout);
                return report.Usable ? ExitCodes.Success : ExitCodes.Incomplete;
            }, cancellationToken));
        return command;
    }

    private static Command Activate()
    {
        var id = new Argument<string>("model-id") { Description = "The model to switch on, e.g. ft:gpt-4o-2024-08-06:shop::abc123 or gpt-4.1." };
        var force = new Option<bool>("--force") { Description = "Switch it on without the model check, or although the check fails." };
        var data = CommonOptions.Data();
        var activate = new Command("activate", "Check a model on the sample drawings, then switch it on in the registry (Vision:Model, when set, still wins).") { id, force, data };
        activate.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var model = parse.GetRequiredValue(id).Trim();
                var forced = parse.GetValue(force);
                if ((InvalidModelId(model, stdout, stderr) ?? MissingModelAccess(services, model, forced, stdout, stderr)) is { } exit)
                {
                    return exit;
                }

                var models = services.GetRequiredService<ModelInfoService>();
                ModelActivation activation;
                try
                {
                    activation = await models.ActivateCheckedAsync(model, forced, cancellationToken);
                }
                catch (ConcurrencyConflictException exception)
                {
                    return CliOutput.WriteError(stdout, stderr, "conflict", exception.Message, ExitCodes.Conflict);
                }

                if (!activation.Activated)
                {
                    CliOutput.WriteResult(stdout, new { error = new { code = "model_check_failed", message = $"{model} failed the model check; nothing was switched. --force switches it anyway." }, check = activation.Check });
                    await stderr.WriteLineAsync($"error: {model} failed the model check; nothing was switched. See 'check' in the output; --force switches it anyway.");
                    return ExitCodes.Incomplete;
                }

                var info = await models.GetAsync(cancellationToken);
                if (info.Source == ModelSource.Configuration)
                {
                    await stderr.WriteLineAsync($"note: Vision:Model is set to {info.ActiveModel}; it wins over the registry until it is removed.");
                }

                CliOutput.WriteResult(stdout, new { activeModel = activation.Registry!.ActiveModel, activatedAt = activation.Registry.ActivatedAt, inUse = info.ActiveModel, source = info.Source, check = activation.Check });
                return ExitCodes.Success;
            }, cancellationToken));
        return activate;
    }

    /// <summary>A model id that breaks <see cref="ModelId.Problem"/>'s rule: <c>invalid_model_id</c> with exit 2.</summary>
    private static int? InvalidModelId(string model, TextWriter stdout, TextWriter stderr) =>
        ModelId.Problem(model) is { } problem ? CliOutput.WriteError(stdout, stderr, ModelIds.InvalidCode, problem, ExitCodes.BadInput) : null;

    /// <summary>A model <see cref="ModelAccess"/> says cannot be checked (or, unforced, switched on): <c>missing_api_key</c> with exit 2.</summary>
    private static int? MissingModelAccess(IServiceProvider services, string model, bool force, TextWriter stdout, TextWriter stderr) =>
        services.GetRequiredService<ModelAccess>().CheckActivation(ModelId.Parse(model), force) is { } denied ? CliOutput.WriteError(stdout, stderr, denied) : null;

    private static void Write(ModelCheckReport report, bool json, TextWriter stdout)
    {
        if (json)
        {
            CliOutput.WriteResult(stdout, report);
            return;
        }

        stdout.WriteLine($"{report.Model} ({report.EndpointKind}): {(report.Usable ? "usable" : "NOT usable")} as configured ({report.ConfiguredDialect})");
        foreach (var call in report.Calls)
        {
            var outcome = call.Status == "ok" ? $"ok, {call.EstimatedTimeMin:0.##} min{(call.FeaturesRead is { } read ? $", {read} features" : string.Empty)}" : $"{call.Status}: {call.Error}";
            stdout.WriteLine($"  {call.Sample}: {outcome}; format {call.Dialect}; {call.LatencyMs} ms; {call.InputTokens}+{call.OutputTokens} tokens{(call.CostUsd is { } cost ? $"; ${cost:0.0000}" : string.Empty)}");
            foreach (var rejected in call.Rejected)
            {
                stdout.WriteLine($"    before: {rejected}");
            }

            foreach (var warning in call.Warnings)
            {
                stdout.WriteLine($"    warning {warning.Code}: {warning.Message}");
            }
        }

        if (report.Reading is { } reading)
        {
            var outcome = reading.Status == "ok" ? $"ok, {reading.FeaturesRead} features" : $"{reading.Status}: {reading.Error}";
            stdout.WriteLine($"  features sample ({reading.Sample}, reading prompt): {outcome}; {reading.LatencyMs} ms; {reading.InputTokens}+{reading.OutputTokens} tokens{(reading.CostUsd is { } cost ? $"; ${cost:0.0000}" : string.Empty)}");
        }

        foreach (var advice in report.Advice)
        {
            stdout.WriteLine($"  → {advice}");
        }

        if (report.Retirement.RetiresOn is { } date)
        {
            stdout.WriteLine($"  retires on {date:yyyy-MM-dd} ({report.Retirement.DaysLeft} days left; {report.Retirement.Source})");
        }
    }
}
