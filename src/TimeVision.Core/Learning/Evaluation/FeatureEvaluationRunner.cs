using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>
/// Reads every document of a features set with every model (<see cref="OpenAIFeatureReader"/>, the <c>reading</c>
/// prompt; <c>offline</c> is the text layer's reading), scores each reading against the confirmed features
/// (<see cref="FeatureScoring"/>), and plans both with the engine to show what the reading does to the minutes. A
/// reading stored for that model and prompt is reused, never asked again; a new one is stored for the next run. With a
/// budget, no reading starts that could pass it.
/// </summary>
/// <param name="reader">Reads a part's sheets.</param>
/// <param name="estimates">Where readings are stored, as page results under the reading prompt's hash.</param>
/// <param name="blobs">The page images.</param>
/// <param name="facts">The pages' text-layer facts, for the offline reading.</param>
/// <param name="cuttingData">The shop's cutting data, as stored estimates are planned with.</param>
/// <param name="workCentres">The shop's work centres, as stored estimates are planned with.</param>
/// <param name="vision">How each model is called (its reply format decides the prompt's hash).</param>
/// <param name="prices">The models' prices.</param>
public sealed class FeatureEvaluationRunner(
    OpenAIFeatureReader reader,
    IEstimateStore estimates,
    IBlobStore blobs,
    StoredPageFacts facts,
    ICuttingDataSource cuttingData,
    IWorkCentreSource workCentres,
    IOptionsMonitor<VisionOptions> vision,
    IOptionsMonitor<ModelPriceOptions> prices)
{
    /// <summary>Whether <paramref name="model"/> can read features: a deployed model, or <c>offline</c> (the text layer).</summary>
    /// <param name="model">The candidate.</param>
    public static bool CanRead(ModelId model) => model is not null && model.Kind is ModelKind.Deployment or ModelKind.Offline;

    /// <summary>Runs the evaluation.</summary>
    /// <param name="set">The documents.</param>
    /// <param name="models">The readers (<see cref="CanRead"/>).</param>
    /// <param name="concurrency">Documents × models read at once.</param>
    /// <param name="budgetUsd">The spend limit for new readings.</param>
    /// <param name="progress">Gets document-model pairs done.</param>
    /// <param name="cancellationToken">Cancels the readings.</param>
    public async Task<FeatureEvaluationRun> RunAsync(
        FeatureEvaluationSet set, IReadOnlyList<string> models, int concurrency, double? budgetUsd, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(models);
        var candidates = models.Select(ModelId.Parse).ToList();
        if (candidates.FirstOrDefault(m => !CanRead(m)) is { } notReader)
        {
            throw new ArgumentException($"{notReader} does not read features: a deployed model or offline (the text layer) does.", nameof(models));
        }

        var (planner, planningError) = await PlannerAsync(cancellationToken);
        var budget = new ReadingBudget(budgetUsd);
        var units = set.Items.SelectMany(item => candidates.Select(model => (item, model))).ToList();
        var results = new FeatureDocumentResult?[units.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, units.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var (item, model) = units[index];
                var row = model.Kind == ModelKind.Offline ? await ReadTextLayerAsync(item, token) : await ReadAsync(item, model.Value, budget, token);
                results[index] = Scored(row, item, planner);
                progress?.Report(new EvaluationProgress(Interlocked.Increment(ref done), units.Count, budget.Spent));
            });

        return new FeatureEvaluationRun(set, models, [.. results.Select(r => r!)], budget.Stopped, budget.Spent, budgetUsd, planningError);
    }

    private async Task<(FeatureDocumentResult Row, FeatureSet? Read)> ReadAsync(FeatureEvaluationItem item, string model, ReadingBudget budget, CancellationToken cancellationToken)
    {
        var price = prices.CurrentValue.PriceOf(model);
        var first = item.Sheets[0].Page;
        var hash = reader.PromptFor(vision.CurrentValue.For(model).Dialect.ResponseFormat).Hash;
        var result = await estimates.GetPageResultAsync(item.DocumentId, first, model, hash, cancellationToken) is { Retryable: false } stored ? stored : null;
        var newCalls = 0;
        if (result is null)
        {
            if (budget.TryReserve(model, price, item.Sheets.Count) is not { } reserved)
            {
                return (Row(item, model, EvaluationStatus.NotRunBudget, "not run: the budget was spent first"), null);
            }

            var sheets = new List<BinaryData>();
            foreach (var sheet in item.Sheets)
            {
                using var png = new MemoryStream();
                if (!await blobs.DownloadToAsync(sheet.Image, png, cancellationToken))
                {
                    budget.Settle(model, reserved, 0);
                    return (Row(item, model, EvaluationStatus.Incomplete, "a page image is missing from storage"), null);
                }

                sheets.Add(BinaryData.FromBytes(png.ToArray()));
            }

            result = await reader.ReadPartAsync(sheets, model, cancellationToken);
            await estimates.SavePageResultAsync(item.DocumentId, first, result, cancellationToken);
            newCalls = 1;
            budget.Settle(model, reserved, price?.Cost(result.InputTokens, result.OutputTokens) ?? 0);
        }

        var read = result.Status == PageEstimateStatus.Completed ? result.Features : null;
        return (Row(item, model, read is null ? EvaluationStatus.Incomplete : EvaluationStatus.Completed, read is null ? result.Error?.Message ?? "no features read" : null) with
        {
            InputTokens = result.InputTokens,
            OutputTokens = result.OutputTokens,
            CostUsd = price?.Cost(result.InputTokens, result.OutputTokens),
            LatencyMs = result.LatencyMs,
            NewCalls = newCalls,
        }, read);
    }

    /// <summary>The text layer's reading of every sheet (all confidences): what the PDF says with no model.</summary>
    private async Task<(FeatureDocumentResult Row, FeatureSet? Read)> ReadTextLayerAsync(FeatureEvaluationItem item, CancellationToken cancellationToken)
    {
        var pages = new List<PageFacts>();
        foreach (var sheet in item.Sheets)
        {
            if (await facts.LoadAsync(sheet.Facts, cancellationToken) is { } read)
            {
                pages.Add(read);
            }
        }

        return (Row(item, ModelIds.Offline, EvaluationStatus.Completed, null) with { CostUsd = 0 }, TextLayerFeatures.From(pages));
    }

    /// <summary>The row with its score and both plans' minutes, when the model read the part.</summary>
    private static FeatureDocumentResult Scored((FeatureDocumentResult Row, FeatureSet? Read) reading, FeatureEvaluationItem item, ProcessPlanner? planner)
    {
        var (row, read) = reading;
        if (read is null)
        {
            return row;
        }

        var confirmedPlan = planner?.Plan(item.Label.Features);
        var readPlan = planner?.Plan(FeatureScoring.Comparable(read, item.Label));
        return row with
        {
            Score = FeatureScoring.Score(read, item.Label),
            ConfirmedCycleMin = confirmedPlan?.CycleMin,
            ConfirmedSetupMin = confirmedPlan?.SetupMin,
            ReadCycleMin = readPlan?.CycleMin,
            ReadSetupMin = readPlan?.SetupMin,
        };
    }

    private static FeatureDocumentResult Row(FeatureEvaluationItem item, string model, EvaluationStatus status, string? error) => new()
    {
        DocumentId = item.DocumentId,
        FileName = item.FileName,
        Drawing = item.Drawing,
        Model = model,
        LabelSource = item.Label.Source,
        Status = status,
        Error = error,
    };

    /// <summary>The engine with the cutting data and work centres stored estimates are planned with, or why there is none (a rejected override).</summary>
    private async Task<(ProcessPlanner? Planner, string? Error)> PlannerAsync(CancellationToken cancellationToken)
    {
        var cutting = await cuttingData.CurrentAsync(cancellationToken);
        var centres = await workCentres.CurrentAsync(cancellationToken);
        return (cutting.Error ?? centres.Error) is { } rejected
            ? (null, $"The shop's cutting data or work centres were rejected ({rejected.Code}): {rejected.Message}")
            : (new ProcessPlanner(cutting.Value!, centres.Value!), null);
    }
}
