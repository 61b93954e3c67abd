using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.Calibration;

namespace TimeVision.Core.Learning.CalibrationTraining;

/// <summary>What one look of the recalibration timer did.</summary>
/// <param name="Model">The active model it looked at.</param>
/// <param name="NewLabels">Documents labelled since its current calibration (all labelled ones when it has none).</param>
/// <param name="Calibration">The calibration it trained, or <see langword="null"/> when it was not due or could not train.</param>
/// <param name="Reason">Why nothing was trained, when nothing was.</param>
public sealed record RecalibrationOutcome(string Model, int NewLabels, CalibrationArtefact? Calibration, string? Reason)
{
    /// <summary>The engine's factors per operation trained in the same look, when it was due and they could be.</summary>
    public EngineCalibration? Engine { get; init; }
}

/// <summary>
/// The timer's half of calibration: trains the active model's calibration again once
/// <see cref="RecalibrationOptions.RecalibrateAfterLabels"/> documents have been labelled since its current one (the first
/// one too), on the measured (<c>actual</c>) labels and the same split as <c>calibrate</c>, and the engine's factors per
/// operation with it (they cost no model call). One single-partition read of
/// the label index decides; training reuses stored model answers, and the model calls it needs are within
/// <c>Vision:DailyBudgetUsd</c> like every other.
/// </summary>
public sealed partial class Recalibration(
    ActiveModel activeModel,
    CalibrationStore calibrations,
    CalibrationTrainer trainer,
    IEstimateStore estimates,
    IOptionsMonitor<RecalibrationOptions> options,
    ILogger<Recalibration> logger)
{
    private static readonly HashSet<FeedbackSource> Measured = [FeedbackSource.Actual];

    /// <summary>Trains the active model's calibration again when enough new labels have arrived.</summary>
    public async Task<RecalibrationOutcome> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var (model, _) = await activeModel.ResolveAsync(cancellationToken);
        if (settings.RecalibrateAfterLabels == 0)
        {
            return new RecalibrationOutcome(model, 0, null, "Calibration:RecalibrateAfterLabels is 0: the timer does not recalibrate.");
        }

        var labelled = 0;
        await foreach (var _ in estimates.ListLabelVersionsAsync(cancellationToken))
        {
            labelled++;
        }

        var current = await calibrations.CurrentAsync(model, cancellationToken);
        var newLabels = Math.Max(0, labelled - (current?.LabelledDocuments ?? 0));
        if (newLabels < settings.RecalibrateAfterLabels)
        {
            return new RecalibrationOutcome(model, newLabels, null, $"{newLabels} new label(s) of the {settings.RecalibrateAfterLabels} that start a recalibration.");
        }

        var engine = await RecalibrateEngineAsync(settings.ValidationPercent, cancellationToken);
        try
        {
            var calibration = await trainer.TrainAsync(model, Measured, settings.ValidationPercent, budgetUsd: null, cancellationToken);
            LogRecalibrated(logger, model, newLabels, calibration.Version, calibration.Learner);
            return new RecalibrationOutcome(model, newLabels, calibration, null) { Engine = engine };
        }
        catch (InvalidOperationException exception)
        {
            // Too few labels on the training side for any learner: the next labels will make it possible.
            LogNotTrained(logger, model, exception.Message);
            return new RecalibrationOutcome(model, newLabels, null, exception.Message) { Engine = engine };
        }
    }

    private async Task<EngineCalibration?> RecalibrateEngineAsync(int validationPercent, CancellationToken cancellationToken)
    {
        try
        {
            var engine = await trainer.TrainEngineAsync(Measured, validationPercent, cancellationToken);
            LogEngineRecalibrated(logger, engine.Documents, engine.Version);
            return engine;
        }
        catch (InvalidOperationException exception)
        {
            LogEngineNotTrained(logger, exception.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Recalibrated {Model} after {NewLabels} new label(s): version {Version}, {Learner}")]
    private static partial void LogRecalibrated(ILogger logger, string model, int newLabels, string version, string learner);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Recalibration of {Model} was due but could not train: {Reason}")]
    private static partial void LogNotTrained(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Recalibrated the engine's factors per operation on {Documents} document(s): version {Version}")]
    private static partial void LogEngineRecalibrated(ILogger logger, int documents, string version);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Warning, Message = "The engine's recalibration was due but could not train: {Reason}")]
    private static partial void LogEngineNotTrained(ILogger logger, string reason);
}
