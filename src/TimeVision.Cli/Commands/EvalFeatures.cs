using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TimeVision.Cli.Evaluation;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision eval --task features --models A,B --out DIR</c>: every model reads the same documents' sheets with the
/// <c>reading</c> prompt, scored against the features the estimator confirmed, per feature type, with what each reading
/// does to the engine's minutes; <c>features-report.md</c>, <c>features-results.csv</c> and charts beside the minutes
/// report's files.
/// </summary>
internal static class EvalFeatures
{
    public static async Task<int> RunAsync(
        ParseResult parse, EvalOptions options, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var split = parse.GetRequiredValue(options.Set) switch
        {
            "validation" => EvaluationSplit.Validation,
            "all" => EvaluationSplit.All,
            _ => (EvaluationSplit?)null,
        };
        if (split is null)
        {
            return CliOutput.WriteError(stdout, stderr, "invalid_set",
                $"--set '{parse.GetValue(options.Set)}' is not validation or all: a features evaluation reads the stored documents with confirmed features, not a manifest of real times.",
                ExitCodes.BadInput);
        }

        var modelIds = parse.GetValue(options.Models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (CheckModels(services, modelIds, stdout, stderr) is { } refused)
        {
            return refused;
        }

        var set = await FeatureEvaluationSet.FromStoreAsync(
            services.GetRequiredService<FeatureLabelledDocuments>(), split.Value, parse.GetValue(options.ValidationPercent), cancellationToken);
        if (set.Items.Count == 0 || modelIds.Count == 0)
        {
            return CliOutput.WriteError(stdout, stderr, "empty_set",
                $"No document with confirmed features in the {set.Name} ({set.Skipped.Count} left out). Correct a document's features (PUT /api/estimates/{{id}}/features) or accept its plan ('timevision plan <id> --accept'), or use --set all.",
                ExitCodes.BadInput);
        }

        var run = await RunWithProgressAsync(services.GetRequiredService<FeatureEvaluationRunner>(), set, modelIds,
            parse.GetValue(options.Concurrency), parse.GetValue(options.Budget), stderr, cancellationToken);
        var report = FeatureEvaluationReport.From(run);
        var folder = parse.GetRequiredValue(options.Output).FullName;
        await FeatureReportWriter.WriteAsync(folder, run, report, cancellationToken);
        WriteResult(stdout, folder, run, report);
        if (run.StoppedAtBudget)
        {
            await stderr.WriteLineAsync($"Stopped at the budget: {run.Results.Count(r => r.Status != EvaluationStatus.NotRunBudget)} of {run.Results.Count} document × model readings covered; see {FeatureReportWriter.ReportName}.");
        }

        await stderr.WriteLineAsync($"Report: {Path.Combine(folder, FeatureReportWriter.ReportName)}");
        return ExitCodes.Success;
    }

    /// <summary>The error's exit code when a model id is not one, cannot read features, or has no credential; <see langword="null"/> when all can run.</summary>
    private static int? CheckModels(IServiceProvider services, List<string> modelIds, TextWriter stdout, TextWriter stderr)
    {
        if (modelIds.Select(ModelId.Problem).FirstOrDefault(problem => problem is not null) is { } invalid)
        {
            return CliOutput.WriteError(stdout, stderr, ModelIds.InvalidCode, invalid, ExitCodes.BadInput);
        }

        var models = modelIds.Select(ModelId.Parse).ToList();
        if (models.FirstOrDefault(m => !FeatureEvaluationRunner.CanRead(m)) is { } notReader)
        {
            return CliOutput.WriteError(stdout, stderr, "not_a_reader",
                $"{notReader} estimates minutes and reads no features: give deployed models, or offline for the text layer's reading.", ExitCodes.BadInput);
        }

        var access = services.GetRequiredService<ModelAccess>();
        return models.Select(access.Check).FirstOrDefault(denied => denied is not null) is { } missing ? CliOutput.WriteError(stdout, stderr, missing) : null;
    }

    private static void WriteResult(TextWriter stdout, string folder, FeatureEvaluationRun run, FeatureEvaluationReport report) =>
        CliOutput.WriteResult(stdout, new
        {
            output = folder,
            task = "features",
            report = FeatureReportWriter.ReportName,
            set = run.Set.Name,
            documents = run.Set.Items.Count,
            skipped = run.Set.Skipped.Count,
            stoppedAtBudget = run.StoppedAtBudget,
            spentUsd = run.SpentUsd,
            models = report.Models.Select(m => new
            {
                model = m.Model,
                documents = m.Documents,
                read = m.ReadDocuments,
                failed = m.Failed,
                notRun = m.NotRun,
                confirmed = m.Overall.Confirmed,
                readFeatures = m.Overall.Read,
                paired = m.Overall.Matched,
                precision = Finite(m.Overall.Precision),
                recall = Finite(m.Overall.Recall),
                wrongCounts = m.Overall.WrongCounts,
                meanSizeErrorPct = Finite(m.Overall.MeanSizeError),
                cycleMape = Finite(m.CycleMape),
                cycleBias = Finite(m.CycleBias),
                meanCostUsd = m.MeanCostUsd,
            }),
        });

    /// <summary>JSON has no NaN: an undefined figure is null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Task<FeatureEvaluationRun> RunWithProgressAsync(
        FeatureEvaluationRunner runner, FeatureEvaluationSet set, List<string> models, int concurrency, double? budget, TextWriter stderr, CancellationToken cancellationToken) =>
        EvaluationProgressBar.RunAsync(
            $"{set.Items.Count} documents × {models.Count} readers",
            set.Items.Count * models.Count,
            "readings",
            stderr,
            progress => runner.RunAsync(set, models, concurrency, budget, progress, cancellationToken));
}
