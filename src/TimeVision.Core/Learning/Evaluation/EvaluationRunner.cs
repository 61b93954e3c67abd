using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>One model's estimate of one document, beside the real time.</summary>
public sealed record ModelDocumentResult
{
    /// <summary>The document.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Its file.</summary>
    public required string FileName { get; init; }

    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>The real time.</summary>
    public required double ActualMinutes { get; init; }

    /// <summary>The document total the model's pages add up to, when every page completed.</summary>
    public double? EstimatedMinutes { get; init; }

    /// <summary>How the estimate ended.</summary>
    public required EvaluationStatus Status { get; init; }

    /// <summary>Pages with a completed estimate.</summary>
    public required int PagesCompleted { get; init; }

    /// <summary>Pages in the document.</summary>
    public required int PagesTotal { get; init; }

    /// <summary>Input tokens of the estimate (whether paid now or earlier).</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>What the estimate costs at the configured prices; <see langword="null"/> when the model has none.</summary>
    public double? CostUsd { get; init; }

    /// <summary>Model time over the pages.</summary>
    public long LatencyMs { get; init; }

    /// <summary>Model calls made by this run (0: every page came from the store).</summary>
    public int NewCalls { get; init; }

    /// <summary>The part type the document is grouped under.</summary>
    public required string PartType { get; init; }

    /// <summary>The complexity it is grouped under.</summary>
    public required string Complexity { get; init; }

    /// <summary>The material group it is grouped under.</summary>
    public required string MaterialGroup { get; init; }

    /// <summary>Signed error in percent of the actual, when estimated.</summary>
    public double? PercentError => EstimatedMinutes is { } estimate ? ErrorStatistics.PercentError(estimate, ActualMinutes) : null;
}

/// <summary>What an evaluation run did.</summary>
/// <param name="Set">The set.</param>
/// <param name="Models">The models, in the order asked.</param>
/// <param name="Results">One row per document and model.</param>
/// <param name="StoppedAtBudget">Whether the budget stopped it before the end.</param>
/// <param name="SpentUsd">New spend of this run.</param>
/// <param name="BudgetUsd">The budget, if one was set.</param>
public sealed record EvaluationRun(
    EvaluationSet Set, IReadOnlyList<string> Models, IReadOnlyList<ModelDocumentResult> Results, bool StoppedAtBudget, double SpentUsd, double? BudgetUsd);

/// <summary>Progress: document-model pairs done of all.</summary>
/// <param name="Done">Pairs done.</param>
/// <param name="Total">All pairs.</param>
/// <param name="SpentUsd">New spend so far.</param>
public sealed record EvaluationProgress(int Done, int Total, double SpentUsd);

/// <summary>
/// Estimates every document of a set with every model from the same rendered pages. A page whose result is stored for
/// that model and prompt is reused, never asked again (no double billing); new calls go through the pipeline's own
/// estimate step, so they are stored for the next run too. With a budget, no call starts that could pass it. The
/// engine's candidates (<c>engine</c>, <c>calibrated:engine</c>) cost nothing (<see cref="EngineCandidates"/>).
/// </summary>
public sealed class EvaluationRunner(
    DocumentPipeline pipeline,
    HistoryEstimator history,
    IBlobStore blobs,
    CalibrationStore calibrations,
    CalibrationRows calibrationRows,
    EngineCandidates engineCandidates,
    IOptionsMonitor<ModelPriceOptions> options)
{
    /// <summary>Runs the evaluation.</summary>
    public async Task<EvaluationRun> RunAsync(
        EvaluationSet set, IReadOnlyList<string> models, int concurrency, double? budgetUsd, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(models);
        var budget = new Budget(budgetUsd);
        var candidates = models.Select(ModelId.Parse).ToList();
        var artefacts = new Dictionary<ModelId, CalibrationArtefact>();
        foreach (var calibrated in candidates.Where(m => m.Kind == ModelKind.Calibrated && m.CalibrationOf!.Kind != ModelKind.Engine).Distinct())
        {
            var inner = calibrated.CalibrationOf!.Value;
            artefacts[calibrated] = await calibrations.CurrentAsync(inner, cancellationToken)
                ?? throw new InvalidOperationException($"No calibration of {inner}: run 'timevision calibrate --model {inner}' first.");
        }

        var engine = candidates.Any(IsEngine)
            ? await engineCandidates.ScoreAsync(set, candidates.Any(m => m.CalibrationOf?.Kind == ModelKind.Engine), cancellationToken)
            : null;
        var units = set.Items.SelectMany(item => candidates.Select(model => (item, model))).ToList();
        var results = new ModelDocumentResult?[units.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, units.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (item, model) = units[index];
                results[index] = model.Kind switch
                {
                    ModelKind.History => await EstimateFromHistoryAsync(set, item, token),
                    ModelKind.Engine => FromEngine(item, model, engine!.PlanOf(item.DocumentId)),
                    ModelKind.Calibrated when IsEngine(model) => FromEngine(item, model, engine!.CalibratedPlanOf(item.DocumentId)),
                    ModelKind.Calibrated => await EstimateCalibratedAsync(set, item, model, artefacts[model], budget, token),
                    _ => await EstimateAsync(item, model, budget, new HistoryHoldout(set.Name, set.IsHeldOut), token),
                };
                progress?.Report(new EvaluationProgress(Interlocked.Increment(ref done), units.Count, budget.Spent));
            });

        return new EvaluationRun(set, models, [.. results.Select(r => r!)], budget.Stopped, budget.Spent, budgetUsd);
    }

    private async Task<ModelDocumentResult> EstimateAsync(EvaluationItem item, ModelId modelId, Budget budget, HistoryHoldout holdout, CancellationToken cancellationToken)
    {
        var model = modelId.Value;
        var price = options.CurrentValue.PriceOf(model);
        var pages = new List<DocumentPage>();
        var newCalls = 0;
        foreach (var page in item.Pages)
        {
            var result = await pipeline.StoredPageResultAsync(item.DocumentId, page.Page, modelId, holdout, cancellationToken);
            if (result is null)
            {
                var reserve = price?.Cost(budget.MeanInput(model) ?? VisionBudget.PriorPageInputTokens, budget.MeanOutput(model) ?? VisionBudget.PriorPageOutputTokens) ?? 0;
                if (!budget.TryReserve(reserve))
                {
                    return Row(item, model, [], EvaluationStatus.NotRunBudget, price, 0);
                }

                result = await pipeline.EstimatePageAsync(
                    new EstimatePageRequest(item.DocumentId, page.Page, page.Image, modelId, Force: false, page.Facts), holdout, cancellationToken);
                newCalls++;
                budget.Settle(model, reserve, price?.Cost(result.InputTokens, result.OutputTokens) ?? 0, result.InputTokens, result.OutputTokens);
            }

            pages.Add(new DocumentPage(page.Page, result.Status, page.Image, null, result, page.Facts));
        }

        var complete = pages.All(p => p.Status == PageEstimateStatus.Completed);
        return Row(item, model, pages, complete ? EvaluationStatus.Completed : EvaluationStatus.Incomplete, price, newCalls);
    }

    /// <summary>
    /// The <c>history</c> estimate of a document, never stored: it depends on which labels the set holds out, which is
    /// what keeps it honest (<see cref="EvaluationSet.HeldOut"/>).
    /// </summary>
    private async Task<ModelDocumentResult> EstimateFromHistoryAsync(EvaluationSet set, EvaluationItem item, CancellationToken cancellationToken)
    {
        var pages = new List<DocumentPage>();
        foreach (var page in item.Pages)
        {
            var facts = await DocumentParts.ReadFactsAsync(blobs, page.Facts, cancellationToken);
            var result = await history.EstimatePageAsync(item.DocumentId, facts, set.IsHeldOut, cancellationToken);
            pages.Add(new DocumentPage(page.Page, result.Status, page.Image, null, result, page.Facts));
        }

        var complete = pages.All(p => p.Status == PageEstimateStatus.Completed);
        return Row(item, ModelIds.History, pages, complete ? EvaluationStatus.Completed : EvaluationStatus.Incomplete, options.CurrentValue.PriceOf(ModelIds.History), 0);
    }

    /// <summary>The model's estimate corrected by its calibration, its features and history read as the calibration read them in training.</summary>
    private async Task<ModelDocumentResult> EstimateCalibratedAsync(
        EvaluationSet set, EvaluationItem item, ModelId candidate, CalibrationArtefact calibration, Budget budget, CancellationToken cancellationToken)
    {
        var raw = await EstimateAsync(item, candidate.CalibrationOf!, budget, new HistoryHoldout(set.Name, set.IsHeldOut), cancellationToken);
        if (raw.EstimatedMinutes is not > 0)
        {
            return raw with { Model = candidate.Value };
        }

        var row = await calibrationRows.RowAsync(item.DocumentId, item.Pages.Select(p => p.Facts), raw.EstimatedMinutes.Value, item.ActualMinutes, set.IsHeldOut, cancellationToken);
        return raw with { Model = candidate.Value, EstimatedMinutes = Calibrator.Apply(calibration, row).Minutes };
    }

    private static bool IsEngine(ModelId model) => model.Kind == ModelKind.Engine || model.CalibrationOf?.Kind == ModelKind.Engine;

    /// <summary>The engine's minutes per piece (with the factors, for <c>calibrated:engine</c>); incomplete when it had nothing to plan.</summary>
    private static ModelDocumentResult FromEngine(EvaluationItem item, ModelId model, ProcessPlan? plan) => new()
    {
        DocumentId = item.DocumentId,
        FileName = item.FileName,
        Model = model.Value,
        ActualMinutes = item.ActualMinutes,
        EstimatedMinutes = plan is null ? null : plan.CalibratedCycleMin ?? plan.CycleMin,
        Status = plan is null ? EvaluationStatus.Incomplete : EvaluationStatus.Completed,
        PagesCompleted = plan is null ? 0 : item.Pages.Count,
        PagesTotal = item.Pages.Count,
        CostUsd = 0,
        PartType = item.PartType,
        Complexity = item.Complexity,
        MaterialGroup = item.MaterialGroup,
    };

    private static ModelDocumentResult Row(EvaluationItem item, string model, List<DocumentPage> pages, EvaluationStatus status, ModelPrice? price, int newCalls)
    {
        var results = pages.Select(p => p.Result!).ToList();
        var input = results.Sum(r => r.InputTokens);
        var output = results.Sum(r => r.OutputTokens);
        return new ModelDocumentResult
        {
            DocumentId = item.DocumentId,
            FileName = item.FileName,
            Model = model,
            ActualMinutes = item.ActualMinutes,
            EstimatedMinutes = status == EvaluationStatus.Completed ? DocumentAggregator.Aggregate(pages).Total : null,
            Status = status,
            PagesCompleted = pages.Count(p => p.Status == PageEstimateStatus.Completed),
            PagesTotal = item.Pages.Count,
            InputTokens = input,
            OutputTokens = output,
            CostUsd = price?.Cost(input, output),
            LatencyMs = results.Sum(r => r.LatencyMs),
            NewCalls = newCalls,
            PartType = item.PartType,
            Complexity = item.Complexity,
            MaterialGroup = item.MaterialGroup,
        };
    }

    /// <summary>New spend against the budget; a call reserves its expected cost before it starts.</summary>
    private sealed class Budget(double? limit)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, (long Input, long Output, int Calls)> _measured = new(StringComparer.Ordinal);
        private double _reserved;

        public double Spent { get; private set; }

        public bool Stopped { get; private set; }

        public long? MeanInput(string model)
        {
            lock (_gate)
            {
                return _measured.TryGetValue(model, out var m) && m.Calls > 0 ? m.Input / m.Calls : null;
            }
        }

        public long? MeanOutput(string model)
        {
            lock (_gate)
            {
                return _measured.TryGetValue(model, out var m) && m.Calls > 0 ? m.Output / m.Calls : null;
            }
        }

        public bool TryReserve(double amount)
        {
            lock (_gate)
            {
                if (limit is { } max && Spent + _reserved + amount > max)
                {
                    Stopped = true;
                    return false;
                }

                _reserved += amount;
                return true;
            }
        }

        public void Settle(string model, double reserved, double cost, long input, long output)
        {
            lock (_gate)
            {
                _reserved -= reserved;
                Spent += cost;
                var m = _measured.GetValueOrDefault(model);
                _measured[model] = (m.Input + input, m.Output + output, m.Calls + 1);
            }
        }
    }
}
