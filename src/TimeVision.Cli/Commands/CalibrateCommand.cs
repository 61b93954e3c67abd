using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision calibrate [--model M]</c>: trains, on the training side of the split, the correction from the model's
/// estimates to the shop's real times, and the engine's factors per operation, and stores each as the current one;
/// <c>--model engine</c> trains the engine's alone, with no model and no key.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var validationPercent = new Option<int>("--validation-percent") { Description = $"The export split's validation share, kept out of training (default {ValidationShare.DefaultPercent}).", DefaultValueFactory = _ => ValidationShare.DefaultPercent };
        validationPercent.Validators.Add(result =>
        {
            if (!ValidationShare.IsValid(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--validation-percent must be {ValidationShare.Rule}.");
            }
        });
        var source = new Option<string>("--source") { Description = "actual (default) or both (actual and expert).", DefaultValueFactory = _ => "actual" };
        source.AcceptOnlyFromAmong("actual", "both");
        var budget = CommonOptions.BudgetUsd("Stop before new model spend on the training side would pass this (stored answers cost nothing).");
        var data = CommonOptions.Data();
        var endpoint = CommonOptions.Endpoint();
        var json = CommonOptions.Json();
        var command = new Command("calibrate", "Learn, from the training side's real times, how to correct a model's estimates and the engine's minutes per operation (--model engine: the engine's alone); stored as calibrations.")
        {
            model, validationPercent, source, budget, data, endpoint, json,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, model, endpoint),
            (services, stdout, stderr) => RunAsync(
                services,
                new Request(FeedbackLabels.ParseSources(parse.GetValue(source))!, parse.GetValue(validationPercent), parse.GetValue(budget), parse.GetValue(json)),
                stdout,
                stderr,
                cancellationToken),
            cancellationToken));
        return command;
    }

    /// <summary>The model's calibration and the engine's factors; with <c>--model engine</c>, the engine's alone.</summary>
    private static async Task<int> RunAsync(IServiceProvider services, Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var modelId = ModelId.Parse((await services.GetRequiredService<ActiveModel>().ResolveAsync(cancellationToken)).Model);
        var trainer = services.GetRequiredService<CalibrationTrainer>();
        if (modelId.Kind == ModelKind.Engine)
        {
            return await EngineOnlyAsync(trainer, request, stdout, stderr, cancellationToken);
        }

        if (services.GetRequiredService<ModelAccess>().Check(modelId) is { } denied)
        {
            return CliOutput.WriteError(stdout, stderr, denied);
        }

        CalibrationArtefact calibration;
        try
        {
            calibration = await trainer.TrainAsync(modelId.Value, request.Sources, request.ValidationPercent, request.BudgetUsd, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return CliOutput.WriteError(stdout, stderr, "too_few_labels", exception.Message, ExitCodes.BadInput);
        }

        var engine = await TryEngineAsync(trainer, request, stderr, cancellationToken);
        if (request.Json)
        {
            var result = JsonSerializer.SerializeToNode(calibration with { Trees = null }, CliOutput.Json)!.AsObject();
            result["engine"] = engine is null ? null : JsonSerializer.SerializeToNode(engine, CliOutput.Json);
            CliOutput.WriteResult(stdout, result);
        }
        else
        {
            await WriteSummaryAsync(stdout, calibration);
            await WriteEngineSummaryAsync(stdout, engine);
        }

        return ExitCodes.Success;
    }

    /// <summary><c>--model engine</c>: the engine's factors alone, with no model and no key.</summary>
    private static async Task<int> EngineOnlyAsync(CalibrationTrainer trainer, Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        EngineCalibration engine;
        try
        {
            engine = await trainer.TrainEngineAsync(request.Sources, request.ValidationPercent, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return CliOutput.WriteError(stdout, stderr, "too_few_labels", exception.Message, ExitCodes.BadInput);
        }

        if (request.Json)
        {
            CliOutput.WriteResult(stdout, engine);
        }
        else
        {
            await WriteEngineSummaryAsync(stdout, engine);
        }

        return ExitCodes.Success;
    }

    /// <summary>The engine's factors beside a model's calibration; when they cannot be trained, why, on stderr, and the model's stands.</summary>
    private static async Task<EngineCalibration?> TryEngineAsync(CalibrationTrainer trainer, Request request, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await trainer.TrainEngineAsync(request.Sources, request.ValidationPercent, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            await stderr.WriteLineAsync($"The engine's factors per operation were not trained: {exception.Message}");
            return null;
        }
    }

    /// <summary>The engine's factors: how many documents, each kind's setup and per-piece factor, and the cross-validated MAPE.</summary>
    private static async Task WriteEngineSummaryAsync(TextWriter stdout, EngineCalibration? engine)
    {
        if (engine is null)
        {
            return;
        }

        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"Calibrated the engine on {engine.Documents} training document(s) ({engine.SetupDocuments} with setup, {engine.RunDocuments} with run apart), version {engine.Version}."));
        foreach (var kind in engine.Cycle.Select(f => f.Kind).Union(engine.Setup.Select(f => f.Kind)).Order())
        {
            await stdout.WriteLineAsync($"  {JsonCode.Of(kind),-10}  setup {Factor(engine.Setup, kind)}   per piece {Factor(engine.Cycle, kind)}");
        }

        var metrics = engine.Metrics;
        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"Cross-validated MAPE per piece: engine {Percent(metrics.EngineMape)}, with the factors {Percent(metrics.CalibratedMape)}. Score it: timevision eval --models {ModelIds.Engine},{ModelId.CalibratedPrefix}{ModelIds.Engine}"));
    }

    private static string Factor(IReadOnlyList<KindFactor> factors, FactorKind kind) => factors.FirstOrDefault(f => f.Kind == kind) is { } f
        ? FormattableString.Invariant($"{f.Factor:0.00}× ({f.Samples} part(s){(f.Fitted ? string.Empty : ", too few: kept")})")
        : "1.00× (none)";

    private static string Percent(double? value) => value is { } v ? FormattableString.Invariant($"{v:0.0} %") : "n/a";

    /// <summary>The calibration in three lines: what was learned, how well each learner did, and the interval.</summary>
    private static async Task WriteSummaryAsync(TextWriter stdout, CalibrationArtefact calibration)
    {
        var metrics = calibration.Metrics;
        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"Calibrated {calibration.Model} on {calibration.Documents} training document(s): {calibration.Learner}, version {calibration.Version}."));
        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"Cross-validated MAPE: raw {metrics.RawMape:0.0} %, part-type factors {metrics.FactorsMape:0.0} %, boosted trees {(metrics.TreesMape is { } t ? $"{t:0.0} %" : "not tried (too few labels)")}."));
        await stdout.WriteLineAsync(FormattableString.Invariant(
            $"Interval: {Math.Exp(calibration.IntervalLowLog):0.00}× to {Math.Exp(calibration.IntervalHighLog):0.00}× the calibrated time. Score it: timevision eval --models {calibration.Model},{ModelId.CalibratedPrefix}{calibration.Model}"));
    }

    /// <summary>What the options ask for.</summary>
    /// <param name="Sources">The label sources.</param>
    /// <param name="ValidationPercent">The split's validation share.</param>
    /// <param name="BudgetUsd">The spend limit for new model calls.</param>
    /// <param name="Json">Print JSON.</param>
    private sealed record Request(HashSet<FeedbackSource> Sources, int ValidationPercent, double? BudgetUsd, bool Json);
}
