using System.Globalization;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Calibration;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>
/// The engine's two candidates in an evaluation. <c>engine</c>: the engine's minutes per piece of each document's plan
/// (its stored merged features, else its text layer). <c>calibrated:engine</c>: the same with the shop's factors per
/// operation, cross-validated: a document is scored by factors fitted (as <c>calibrate</c> fits them) on the labelled
/// documents the set lets an estimator learn from (the history's rule: not the validation side for a validation set,
/// not the manifest's own documents), leaving out the set's own documents of the document's fold (five folds by id), so
/// no document is ever scored by factors that saw its label.
/// </summary>
/// <param name="sets">The labelled documents to fit on.</param>
/// <param name="rows">The engine's plans of documents.</param>
public sealed class EngineCandidates(EvaluationSetBuilder sets, EngineRows rows)
{
    /// <summary>Plans every document of <paramref name="set"/>, and fits the factors of each fold when <paramref name="calibrated"/>.</summary>
    /// <param name="set">The evaluation set.</param>
    /// <param name="calibrated">Whether <c>calibrated:engine</c> is asked for.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<EngineScores> ScoreAsync(EvaluationSet set, bool calibrated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var planned = new Dictionary<string, EngineRow?>(StringComparer.Ordinal);
        foreach (var item in set.Items)
        {
            planned[item.DocumentId] = await RowAsync(item, cancellationToken);
        }

        if (!calibrated)
        {
            return new EngineScores(planned, null);
        }

        var pool = new List<EngineRow>();
        var labelled = await sets.FromStoreAsync(EvaluationSplit.All, set.LabelSources, 0, cancellationToken);
        foreach (var item in labelled.Items.Where(i => !set.IsHeldOut(i.DocumentId)))
        {
            if ((planned.TryGetValue(item.DocumentId, out var known) ? known : await RowAsync(item, cancellationToken)) is { } row)
            {
                pool.Add(row);
            }
        }

        var folds = Enumerable.Range(0, EngineCalibrator.Folds)
            .Select(fold => EngineCalibrator.Factors(
                [.. pool.Where(r => !(planned.ContainsKey(r.DocumentId) && EngineCalibrator.FoldOf(r.DocumentId) == fold))],
                string.Create(CultureInfo.InvariantCulture, $"engine cross-validated (fold {fold + 1} of {EngineCalibrator.Folds})")))
            .ToList();
        return new EngineScores(planned, folds);
    }

    private Task<EngineRow?> RowAsync(EvaluationItem item, CancellationToken cancellationToken) =>
        rows.RowAsync(item.DocumentId, item.Pages.Select(p => p.Facts), item.ActualMinutes, item.ActualSetupMinutes, item.ActualRunMinutes, cancellationToken);
}

/// <summary>The engine's plans of a set's documents and, for <c>calibrated:engine</c>, the factors of each fold.</summary>
public sealed class EngineScores
{
    private readonly Dictionary<string, EngineRow?> _rows;
    private readonly IReadOnlyList<OperationFactors>? _folds;

    internal EngineScores(Dictionary<string, EngineRow?> rows, IReadOnlyList<OperationFactors>? folds)
    {
        _rows = rows;
        _folds = folds;
    }

    /// <summary>The engine's plan of a document of the set, or <see langword="null"/> when it had nothing to plan.</summary>
    /// <param name="documentId">The document.</param>
    public ProcessPlan? PlanOf(string documentId) => _rows.GetValueOrDefault(documentId)?.Plan;

    /// <summary>The same plan with the factors of the document's fold, or <see langword="null"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <exception cref="InvalidOperationException">The factors were not fitted (<c>calibrated:engine</c> was not asked for).</exception>
    public ProcessPlan? CalibratedPlanOf(string documentId)
    {
        var folds = _folds ?? throw new InvalidOperationException("The engine's factors were not fitted for this set.");
        return PlanOf(documentId) is { } plan ? folds[EngineCalibrator.FoldOf(documentId)].Apply(plan) : null;
    }
}
