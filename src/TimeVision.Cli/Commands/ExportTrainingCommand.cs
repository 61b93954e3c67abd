using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision export-training --out DIR [--format openai|sharegpt] [--task minutes|features]</c>: vision fine-tuning
/// JSONL (<c>train.jsonl</c>, <c>validation.jsonl</c>) and <c>manifest.json</c> from labelled estimates, for OpenAI
/// (default) or, with <c>sharegpt</c>, for open-weight training (plus <c>images/</c> and <c>dataset_info.json</c>);
/// teaching the minutes (default) or, with <c>features</c>, reading the part's features the estimator confirmed.
/// Prints the manifest.
/// </summary>
internal static class ExportTrainingCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for train.jsonl, validation.jsonl and manifest.json (sharegpt: also images/ and dataset_info.json).", Required = true };
        var source = new Option<string>("--source") { Description = "actual (default), expert or both.", DefaultValueFactory = _ => "actual" };
        source.AcceptOnlyFromAmong("actual", "expert", "both");
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only feedback entered at or after this date." };
        var validation = new Option<int>("--validation-percent") { Description = $"Documents held out for validation, 0–{ValidationShare.MaxPercent} (default {ValidationShare.DefaultPercent}).", DefaultValueFactory = _ => ValidationShare.DefaultPercent };
        validation.Validators.Add(result =>
        {
            if (!ValidationShare.IsValid(result.GetValueOrDefault<int>()))
            {
                result.AddError($"--validation-percent must be {ValidationShare.Rule}.");
            }
        });
        var includeShadow = new Option<bool>("--include-shadow") { Description = "Also export shadow-mode challenger answers (scaled to the real time) as examples." };
        var format = new Option<string>("--format")
        {
            Description = "openai (default): OpenAI vision fine-tuning; sharegpt: open-weight training (LLaMA-Factory, ms-swift) with images/ and dataset_info.json.",
            DefaultValueFactory = _ => TrainingFormats.Names[0],
        };
        format.AcceptOnlyFromAmong([.. TrainingFormats.Names]);
        var task = new Option<string>("--task")
        {
            Description = "minutes (default): the estimate with the shop's real time; features: the part's features the estimator confirmed (corrected, or the text layer's with the plan accepted), by the reading prompt.",
            DefaultValueFactory = _ => TrainingTasks.Names[0],
        };
        task.AcceptOnlyFromAmong([.. TrainingTasks.Names]);
        var data = CommonOptions.Data();

        var command = new Command("export-training", "Export labelled estimates as vision fine-tuning JSONL (OpenAI, or sharegpt for open-weight models) with a manifest: the minutes, or reading the part's features.")
        {
            output, source, since, validation, includeShadow, format, task, data,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var sources = FeedbackLabels.ParseSources(parse.GetValue(source))!; // the option accepts only valid names
                var trainingFormat = TrainingFormats.Parse(parse.GetValue(format))!.Value; // likewise
                var trainingTask = TrainingTasks.Parse(parse.GetValue(task))!.Value; // likewise
                if (trainingTask == TrainingTask.Features && parse.GetValue(includeShadow))
                {
                    return CliOutput.WriteError(stdout, stderr, "invalid_option", "--include-shadow is for the minutes task: a challenger's reading is not a confirmed label.", ExitCodes.BadInput);
                }

                var manifest = await services.GetRequiredService<TrainingExporter>().ExportAsync(
                    new TrainingExportRequest(sources, parse.GetValue(since), parse.GetValue(validation), IncludeShadow: parse.GetValue(includeShadow), Format: trainingFormat, Task: trainingTask),
                    new FolderExportSink(parse.GetRequiredValue(output).FullName),
                    cancellationToken);
                CliOutput.WriteResult(stdout, manifest);
                foreach (var check in manifest.Checks.Where(c => !c.Passed))
                {
                    await stderr.WriteLineAsync($"warning: {check.Name}: {check.Detail}");
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }
}
