using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.CalibrationTraining;

/// <summary>
/// <c>timevision calibrate</c>: trains a model's calibration, and the engine's factors per operation, on the training
/// side of the export's split (the same split as <c>eval</c> and the training export), so the validation side stays
/// unseen, and stores each as the current one.
/// </summary>
public sealed class CalibrationTrainer(
    EvaluationSetBuilder sets, EvaluationRunner runner, CalibrationRows rows, EngineRows engineRows, CalibrationStore store, IEstimateStore estimates, TimeProvider time)
{
    /// <summary>The labelled documents on the training side of the split; the validation side is held out from the history too.</summary>
    public async Task<EvaluationSet> TrainingSetAsync(IReadOnlySet<FeedbackSource> sources, int validationPercent, CancellationToken cancellationToken)
    {
        var all = await sets.FromStoreAsync(EvaluationSplit.All, sources, 0, cancellationToken);
        return all with
        {
            Name = $"training side of the export split ({validationPercent} %)",
            Items = [.. all.Items.Where(i => !TrainingExporter.IsValidation(i.DocumentId, validationPercent))],
            HeldOut = id => TrainingExporter.IsValidation(id, validationPercent),
        };
    }

    /// <summary>
    /// Estimates the training side with <paramref name="model"/> (stored answers are reused; new ones cost, within
    /// <paramref name="budgetUsd"/>), trains the calibration and stores it.
    /// </summary>
    public async Task<CalibrationArtefact> TrainAsync(
        string model, IReadOnlySet<FeedbackSource> sources, int validationPercent, double? budgetUsd, CancellationToken cancellationToken)
    {
        var set = await TrainingSetAsync(sources, validationPercent, cancellationToken);
        var run = await runner.RunAsync(set, [model], concurrency: 4, budgetUsd, progress: null, cancellationToken);
        var trainingRows = new List<CalibrationRow>();
        foreach (var (item, result) in set.Items.Zip(run.Results))
        {
            if (result.EstimatedMinutes is { } raw && raw > 0)
            {
                trainingRows.Add(await rows.RowAsync(item.DocumentId, item.Pages.Select(p => p.Facts), raw, item.ActualMinutes, set.IsHeldOut, cancellationToken));
            }
        }

        var (hash, labelled) = await HashAsync(trainingRows.Select(r => r.DocumentId), cancellationToken);
        var calibration = Calibrator.Train(model, trainingRows, hash, validationPercent, time.GetUtcNow()) with { LabelledDocuments = labelled };
        await store.SaveAsync(calibration, cancellationToken);
        return calibration;
    }

    /// <summary>
    /// Trains the engine's factors per operation on the training side: the engine's plan of every labelled document it
    /// can plan against its real times (setup and run apart where the labels have them), with no model call; stores it
    /// as the engine's current calibration, which plans show from then on.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than two training documents the engine can plan.</exception>
    public async Task<EngineCalibration> TrainEngineAsync(IReadOnlySet<FeedbackSource> sources, int validationPercent, CancellationToken cancellationToken)
    {
        var set = await TrainingSetAsync(sources, validationPercent, cancellationToken);
        var trainingRows = new List<EngineRow>();
        foreach (var item in set.Items)
        {
            var pageFacts = item.Pages.Select(p => p.Facts);
            if (await engineRows.RowAsync(item.DocumentId, pageFacts, item.ActualMinutes, item.ActualSetupMinutes, item.ActualRunMinutes, cancellationToken) is { } row)
            {
                trainingRows.Add(row);
            }
        }

        var (hash, labelled) = await HashAsync(trainingRows.Select(r => r.DocumentId), cancellationToken);
        var calibration = EngineCalibrator.Train(trainingRows, hash, validationPercent, time.GetUtcNow()) with { LabelledDocuments = labelled };
        await store.SaveEngineAsync(calibration, cancellationToken);
        return calibration;
    }

    /// <summary>The training set's hash (its documents' label versions), and how many documents carry labels in all.</summary>
    private async Task<(string Hash, int Labelled)> HashAsync(IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var ids = documentIds.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        var labelled = 0;
        await foreach (var version in estimates.ListLabelVersionsAsync(cancellationToken))
        {
            labelled++;
            if (ids.Contains(version.DocumentId))
            {
                text.Append(version.DocumentId).Append(' ').Append(version.Version).Append('\n');
            }
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), labelled);
    }
}
