using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TimeVision.Cli.Evaluation;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision eval --models A,B,offline --out DIR</c>: every model on the same documents with real times, and
/// which estimates this shop's parts best, with the uncertainty of the verdict; with <c>--task features</c>, how well
/// each model reads the part's features (<see cref="EvalFeatures"/>).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var options = new EvalOptions();
        var command = new Command("eval", "Evaluate models on documents with real shop times: MAPE, bias, rank correlation, cost, and paired A/B verdicts; or, with --task features, on the features the estimator confirmed.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, options.Data, endpoint: options.Endpoint),
            (services, stdout, stderr) => parse.GetValue(options.Task) == "features"
                ? EvalFeatures.RunAsync(parse, options, services, stdout, stderr, cancellationToken)
                : RunAsync(parse, options, services, stdout, stderr, cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, EvalOptions options, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var sources = FeedbackLabels.ParseSources(parse.GetValue(options.Source))!; // the option accepts only valid names
        var builder = services.GetRequiredService<EvaluationSetBuilder>();
        EvaluationSet evaluationSet;
        try
        {
            evaluationSet = await LoadSetAsync(parse, options, builder, sources, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return CliOutput.WriteError(stdout, stderr, "invalid_set", exception.Message, ExitCodes.BadInput);
        }

        var shadow = parse.GetValue(options.Shadow);
        var modelIds = shadow
            ? await ShadowModelsAsync(services.GetRequiredService<IEstimateStore>(), evaluationSet, cancellationToken)
            : [.. parse.GetValue(options.Models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
        if (evaluationSet.Items.Count == 0 || modelIds.Count == 0)
        {
            return CliOutput.WriteError(stdout, stderr, "empty_set",
                $"No document to evaluate in the {evaluationSet.Name} ({evaluationSet.Skipped.Count} left out). Record real times with 'timevision feedback', or use --set all or a manifest.",
                ExitCodes.BadInput);
        }

        if (await CheckModelsAsync(services, modelIds, shadow, stdout, stderr, cancellationToken) is { } refused)
        {
            return refused;
        }

        var run = await RunWithProgressAsync(services.GetRequiredService<EvaluationRunner>(), evaluationSet, modelIds,
            parse.GetValue(options.Concurrency), parse.GetValue(options.Budget), stderr, cancellationToken);
        var report = EvaluationReport.From(run);
        var folder = parse.GetRequiredValue(options.Output).FullName;
        await EvaluationReportWriter.WriteAsync(folder, run, report, cancellationToken);
        WriteResult(stdout, folder, evaluationSet, run, report);
        await WriteSummaryAsync(stderr, folder, run, report);
        return ExitCodes.Success;
    }

    /// <summary>The documents to evaluate; <see cref="InvalidDataException"/> when <c>--set</c> names none.</summary>
    private static async Task<EvaluationSet> LoadSetAsync(
        ParseResult parse, EvalOptions options, EvaluationSetBuilder builder, HashSet<FeedbackSource> sources, CancellationToken cancellationToken)
    {
        var setName = parse.GetRequiredValue(options.Set);
        return parse.GetValue(options.Shadow) ? await builder.FromStoreAsync(EvaluationSplit.Shadow, sources, 0, cancellationToken)
            : setName switch
            {
                "validation" => await builder.FromStoreAsync(EvaluationSplit.Validation, sources, parse.GetValue(options.ValidationPercent), cancellationToken),
                "all" => await builder.FromStoreAsync(EvaluationSplit.All, sources, 0, cancellationToken),
                _ when File.Exists(setName) => await builder.FromManifestAsync(setName, cancellationToken),
                _ => throw new InvalidDataException($"--set '{setName}' is not validation, all or an existing manifest file."),
            };
    }

    /// <summary>
    /// Writes the error and returns its exit code when a model id is not one, a remote model has no credential or a calibrated model no
    /// calibration (<c>calibrated:engine</c> needs none: it is fitted in the run, cross-validated); <see langword="null"/> when every model can run.
    /// </summary>
    private static async Task<int?> CheckModelsAsync(
        IServiceProvider services, List<string> modelIds, bool shadow, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (modelIds.Select(ModelId.Problem).FirstOrDefault(problem => problem is not null) is { } invalid)
        {
            return CliOutput.WriteError(stdout, stderr, ModelIds.InvalidCode, invalid, ExitCodes.BadInput);
        }

        var models = modelIds.Select(ModelId.Parse).ToList();
        var access = services.GetRequiredService<ModelAccess>();
        if (!shadow && models.Select(access.Check).FirstOrDefault(denied => denied is not null) is { } missing)
        {
            return CliOutput.WriteError(stdout, stderr, missing);
        }

        foreach (var calibrated in models.Select(m => m.CalibrationOf).OfType<ModelId>().Where(m => m.Kind != ModelKind.Engine))
        {
            if (await services.GetRequiredService<TimeVision.Core.Learning.Calibration.CalibrationStore>().CurrentAsync(calibrated.Value, cancellationToken) is null)
            {
                return CliOutput.WriteError(stdout, stderr, "no_calibration",
                    $"No calibration of {calibrated}: run 'timevision calibrate --model {calibrated}' first.", ExitCodes.BadInput);
            }
        }

        return null;
    }

    private static void WriteResult(TextWriter stdout, string folder, EvaluationSet evaluationSet, EvaluationRun run, EvaluationReport report) =>
        CliOutput.WriteResult(stdout, new
        {
            output = folder,
            set = evaluationSet.Name,
            documents = evaluationSet.Items.Count,
            skipped = evaluationSet.Skipped.Count,
            stoppedAtBudget = run.StoppedAtBudget,
            spentUsd = run.SpentUsd,
            models = report.Models.Select(m => new
            {
                model = m.Model,
                documents = m.Documents,
                estimated = m.Estimated,
                notRun = m.NotRun,
                pageCoverage = Finite(m.PageCoverage),
                mape = Finite(m.Mape),
                medianApe = Finite(m.MedianApe),
                within20 = Finite(m.Within20),
                within30 = Finite(m.Within30),
                bias = Finite(m.Bias),
                spearman = Finite(m.Spearman),
                meanTokens = Finite(m.MeanTokens),
                meanCostUsd = m.MeanCostUsd,
                meanLatencyMs = Finite(m.MeanLatencyMs),
            }),
            pairs = report.Pairs.Select(p => new
            {
                first = p.First,
                second = p.Second,
                documents = p.Documents,
                firstWins = p.FirstWins,
                secondWins = p.SecondWins,
                ties = p.Ties,
                mapeDifference = Finite(p.MapeDifference),
                intervalLow = Finite(p.IntervalLow),
                intervalHigh = Finite(p.IntervalHigh),
                verdict = p.Verdict,
            }),
        });

    /// <summary>On stderr: whether the budget stopped the run, each pair's verdict, and where the report is.</summary>
    private static async Task WriteSummaryAsync(TextWriter stderr, string folder, EvaluationRun run, EvaluationReport report)
    {
        if (run.StoppedAtBudget)
        {
            await stderr.WriteLineAsync($"Stopped at the budget: {run.Results.Count(r => r.Status != EvaluationStatus.NotRunBudget)} of {run.Results.Count} document × model estimates covered; see report.md.");
        }

        foreach (var pair in report.Pairs)
        {
            await stderr.WriteLineAsync($"{pair.First} vs {pair.Second}: {pair.Verdict}");
        }

        await stderr.WriteLineAsync($"Report: {Path.Combine(folder, "report.md")}");
    }

    /// <summary>JSON has no NaN: an undefined figure (no document estimated) is null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Task<EvaluationRun> RunWithProgressAsync(
        EvaluationRunner runner, EvaluationSet set, List<string> models, int concurrency, double? budget, TextWriter stderr, CancellationToken cancellationToken) =>
        EvaluationProgressBar.RunAsync(
            $"{set.Items.Count} documents × {models.Count} models",
            set.Items.Count * models.Count,
            "estimates",
            stderr,
            progress => runner.RunAsync(set, models, concurrency, budget, progress, cancellationToken));

    /// <summary>The primary model and the challenger of the shadow-mode documents, most frequent first.</summary>
    private static async Task<List<string>> ShadowModelsAsync(IEstimateStore store, EvaluationSet set, CancellationToken cancellationToken)
    {
        var primaries = new List<string>();
        var challengers = new List<string>();
        foreach (var item in set.Items)
        {
            var document = await store.GetAsync(item.DocumentId, cancellationToken);
            if (document?.Shadow is { } shadow && document.Models.Count > 0)
            {
                primaries.Add(document.Models[0].Model);
                challengers.Add(shadow.Model);
            }
        }

        return [.. primaries.Concat(challengers).GroupBy(m => m, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key)];
    }
}
