using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TimeVision.Cli.Evaluation;
using TimeVision.Core.Evaluation;
using TimeVision.Core.Feedback;
using TimeVision.Core.Storage;
using TimeVision.Core.Training;
using TimeVision.Core.Vision;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision eval --models A,B,offline --out DIR</c>: every model on the same documents with real times, and
/// which estimates this shop's parts best, with the uncertainty of the verdict.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var models = new Option<string?>("--models") { Description = "Comma-separated model ids, e.g. gpt-4o-2024-08-06,ft:…,gpt-4.1,offline." };
        var set = new Option<string>("--set")
        {
            Description = "validation (default: the export split's validation side), all, or a manifest (.csv or .json) beside the PDFs.",
            DefaultValueFactory = _ => "validation",
        };
        var source = new Option<string>("--source") { Description = "actual (default) or both (actual and expert).", DefaultValueFactory = _ => "actual" };
        source.AcceptOnlyFromAmong("actual", "both");
        var validationPercent = new Option<int>("--validation-percent") { Description = $"The export split's validation share (default {ValidationShare.DefaultPercent}).", DefaultValueFactory = _ => ValidationShare.DefaultPercent };
        var concurrency = new Option<int>("--concurrency") { Description = "Documents × models estimated at once (default 4).", DefaultValueFactory = _ => 4 };
        var budget = CommonOptions.BudgetUsd("Stop before new model spend would pass this (stored results cost nothing).");
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for report.md, results.csv and the charts.", Required = true };
        var shadow = new Option<bool>("--shadow") { Description = "Compare the primary with the shadow-mode challenger on documents with feedback; no new model calls." };
        var data = CommonOptions.Data();
        var endpoint = CommonOptions.Endpoint();
        var command = new Command("eval", "Evaluate models on documents with real shop times: MAPE, bias, rank correlation, cost, and paired A/B verdicts.")
        {
            models, set, source, validationPercent, concurrency, budget, output, shadow, data, endpoint,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(shadow) == result.GetValue(models) is { Length: > 0 })
            {
                result.AddError("Give either --models or --shadow.");
            }
        });
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 32)
            {
                result.AddError("--concurrency must be from 1 to 32.");
            }
        });
        validationPercent.Validators.Add(result =>
        {
            if (!ValidationShare.IsValid(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--validation-percent must be {ValidationShare.Rule}.");
            }
        });
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, endpoint: endpoint),
            async (services, stdout, stderr) =>
            {
                var sources = FeedbackLabels.ParseSources(parse.GetValue(source))!; // the option accepts only valid names
                var builder = services.GetRequiredService<EvaluationSetBuilder>();
                var setName = parse.GetRequiredValue(set);
                EvaluationSet evaluationSet;
                try
                {
                    evaluationSet = parse.GetValue(shadow) ? await builder.FromStoreAsync(EvaluationSplit.Shadow, sources, 0, cancellationToken)
                        : setName switch
                        {
                            "validation" => await builder.FromStoreAsync(EvaluationSplit.Validation, sources, parse.GetValue(validationPercent), cancellationToken),
                            "all" => await builder.FromStoreAsync(EvaluationSplit.All, sources, 0, cancellationToken),
                            _ when File.Exists(setName) => await builder.FromManifestAsync(setName, cancellationToken),
                            _ => throw new InvalidDataException($"--set '{setName}' is not validation, all or an existing manifest file."),
                        };
                }
                catch (InvalidDataException exception)
                {
                    return CliOutput.WriteError(stdout, stderr, "invalid_set", exception.Message, ExitCodes.BadInput);
                }

                var modelIds = parse.GetValue(shadow)
                    ? await ShadowModelsAsync(services.GetRequiredService<IEstimateStore>(), evaluationSet, cancellationToken)
                    : [.. parse.GetValue(models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
                if (evaluationSet.Items.Count == 0 || modelIds.Count == 0)
                {
                    return CliOutput.WriteError(stdout, stderr, "empty_set",
                        $"No document to evaluate in the {evaluationSet.Name} ({evaluationSet.Skipped.Count} left out). Record real times with 'timevision feedback', or use --set all or a manifest.",
                        ExitCodes.BadInput);
                }

                if (modelIds.Any(m => !ModelIds.IsLocal(m.StartsWith(EvaluationRunner.CalibratedPrefix, StringComparison.Ordinal) ? m[EvaluationRunner.CalibratedPrefix.Length..] : m)) && !parse.GetValue(shadow)
                    && VisionAccess.KindOf(services.GetRequiredService<IOptions<VisionOptions>>().Value) == VisionCredentialKind.None)
                {
                    return CliOutput.WriteError(stdout, stderr, "missing_api_key", VisionAccess.MissingCredentialMessage, ExitCodes.BadInput);
                }

                foreach (var calibrated in modelIds.Where(m => m.StartsWith(EvaluationRunner.CalibratedPrefix, StringComparison.Ordinal)))
                {
                    if (await services.GetRequiredService<TimeVision.Core.Calibration.CalibrationStore>().CurrentAsync(calibrated[EvaluationRunner.CalibratedPrefix.Length..], cancellationToken) is null)
                    {
                        return CliOutput.WriteError(stdout, stderr, "no_calibration",
                            $"No calibration of {calibrated[EvaluationRunner.CalibratedPrefix.Length..]}: run 'timevision calibrate --model {calibrated[EvaluationRunner.CalibratedPrefix.Length..]}' first.", ExitCodes.BadInput);
                    }
                }

                var run = await RunWithProgressAsync(services.GetRequiredService<EvaluationRunner>(), evaluationSet, modelIds,
                    parse.GetValue(concurrency), parse.GetValue(budget), stderr, cancellationToken);
                var report = EvaluationReport.From(run);
                var folder = parse.GetRequiredValue(output).FullName;
                await EvaluationReportWriter.WriteAsync(folder, run, report, cancellationToken);
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
                if (run.StoppedAtBudget)
                {
                    await stderr.WriteLineAsync($"Stopped at the budget: {run.Results.Count(r => r.Status != EvaluationStatus.NotRunBudget)} of {run.Results.Count} document × model estimates covered; see report.md.");
                }

                foreach (var pair in report.Pairs)
                {
                    await stderr.WriteLineAsync($"{pair.First} vs {pair.Second}: {pair.Verdict}");
                }

                await stderr.WriteLineAsync($"Report: {Path.Combine(folder, "report.md")}");
                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    /// <summary>JSON has no NaN: an undefined figure (no document estimated) is null.</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static async Task<EvaluationRun> RunWithProgressAsync(
        EvaluationRunner runner, EvaluationSet set, List<string> models, int concurrency, double? budget, TextWriter stderr, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        EvaluationRun? run = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{set.Items.Count} documents × {models.Count} models", maxValue: set.Items.Count * models.Count);
                var progress = new Progress<EvaluationProgress>(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"{p.Done}/{p.Total} estimates, ${p.SpentUsd:0.####} spent";
                });
                run = await runner.RunAsync(set, models, concurrency, budget, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return run!;
    }

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
