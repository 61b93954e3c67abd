using System.CommandLine;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// The options of <c>timevision eval</c> with their validators: which models, on which documents, how many at once,
/// within which budget, and where the report goes.
/// </summary>
internal sealed class EvalOptions
{
    /// <summary>Comma-separated model ids.</summary>
    public Option<string?> Models { get; } = new("--models") { Description = "Comma-separated model ids, e.g. gpt-4o-2024-08-06,ft:…,gpt-4.1,offline,history,engine,calibrated:engine." };

    /// <summary>validation, all, or a manifest file.</summary>
    public Option<string> Set { get; } = new("--set")
    {
        Description = "validation (default: the export split's validation side), all, or a manifest (.csv or .json) beside the PDFs.",
        DefaultValueFactory = _ => "validation",
    };

    /// <summary>Which real times count: actual, or both actual and expert.</summary>
    public Option<string> Source { get; } = new("--source") { Description = "actual (default) or both (actual and expert).", DefaultValueFactory = _ => "actual" };

    /// <summary>The export split's validation share.</summary>
    public Option<int> ValidationPercent { get; } = new("--validation-percent") { Description = $"The export split's validation share (default {ValidationShare.DefaultPercent}).", DefaultValueFactory = _ => ValidationShare.DefaultPercent };

    /// <summary>Documents × models estimated at once.</summary>
    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Documents × models estimated at once (default 4).", DefaultValueFactory = _ => 4 };

    /// <summary>The spend limit for new model calls.</summary>
    public Option<double?> Budget { get; } = CommonOptions.BudgetUsd("Stop before new model spend would pass this (stored results cost nothing).");

    /// <summary>The report folder.</summary>
    public Option<DirectoryInfo> Output { get; } = new("--out", "-o") { Description = "Folder for report.md, results.csv and the charts.", Required = true };

    /// <summary>Compare the primary with the shadow-mode challenger instead of <see cref="Models"/>.</summary>
    public Option<bool> Shadow { get; } = new("--shadow") { Description = "Compare the primary with the shadow-mode challenger on documents with feedback; no new model calls." };

    /// <summary>What is measured: the minutes against real times, or reading the part's features against the confirmed ones.</summary>
    public Option<string> Task { get; } = new("--task")
    {
        Description = "minutes (default): estimates against real shop times; features: each model's reading of the part against the features the estimator confirmed (features-report.md).",
        DefaultValueFactory = _ => TrainingTasks.Names[0],
    };

    /// <summary>The data folder.</summary>
    public Option<DirectoryInfo?> Data { get; } = CommonOptions.Data();

    /// <summary>The model endpoint.</summary>
    public Option<Uri?> Endpoint { get; } = CommonOptions.Endpoint();

    /// <summary>Adds the options, in help order, and their validators to <paramref name="command"/>.</summary>
    /// <param name="command">The eval command.</param>
    public void AddTo(Command command)
    {
        Source.AcceptOnlyFromAmong("actual", "both");
        Task.AcceptOnlyFromAmong([.. TrainingTasks.Names]);
        foreach (Option option in new Option[] { Models, Set, Source, ValidationPercent, Concurrency, Budget, Output, Shadow, Task, Data, Endpoint })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(Shadow) == result.GetValue(Models) is { Length: > 0 })
            {
                result.AddError("Give either --models or --shadow.");
            }
            else if (result.GetValue(Shadow) && result.GetValue(Task) == "features")
            {
                result.AddError("--shadow compares the minutes; for --task features give --models.");
            }
        });
        Concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 32)
            {
                result.AddError("--concurrency must be from 1 to 32.");
            }
        });
        ValidationPercent.Validators.Add(result =>
        {
            if (!ValidationShare.IsValid(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--validation-percent must be {ValidationShare.Rule}.");
            }
        });
    }
}
