using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision calibrate [--model M]</c>: trains, on the training side of the split, the correction from the model's
/// estimates to the shop's real times, and stores it as the model's current calibration.
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
        var command = new Command("calibrate", "Learn, from the training side's real times, how to correct a model's estimates; stored as the model's calibration.")
        {
            model, validationPercent, source, budget, data, endpoint, json,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, model, endpoint),
            async (services, stdout, stderr) =>
            {
                var modelId = (await services.GetRequiredService<ActiveModel>().ResolveAsync(cancellationToken)).Model;
                if (services.GetRequiredService<ModelAccess>().Check(ModelId.Parse(modelId)) is { } denied)
                {
                    return CliOutput.WriteError(stdout, stderr, denied);
                }

                CalibrationArtefact calibration;
                try
                {
                    calibration = await services.GetRequiredService<CalibrationTrainer>().TrainAsync(
                        modelId, FeedbackLabels.ParseSources(parse.GetValue(source))!, parse.GetValue(validationPercent), parse.GetValue(budget), cancellationToken);
                }
                catch (InvalidOperationException exception)
                {
                    return CliOutput.WriteError(stdout, stderr, "too_few_labels", exception.Message, ExitCodes.BadInput);
                }

                if (parse.GetValue(json))
                {
                    CliOutput.WriteResult(stdout, calibration with { Trees = null });
                }
                else
                {
                    await WriteSummaryAsync(stdout, calibration);
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

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
}
