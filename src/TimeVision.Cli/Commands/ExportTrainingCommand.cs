using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Feedback;
using TimeVision.Core.Training;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision export-training --out DIR</c>: OpenAI vision fine-tuning JSONL (<c>train.jsonl</c>,
/// <c>validation.jsonl</c>) and <c>manifest.json</c> from labelled estimates. Prints the manifest.
/// </summary>
internal static class ExportTrainingCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for train.jsonl, validation.jsonl and manifest.json.", Required = true };
        var source = new Option<string>("--source") { Description = "actual (default), expert or both.", DefaultValueFactory = _ => "actual" };
        source.AcceptOnlyFromAmong("actual", "expert", "both");
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only feedback entered at or after this date." };
        var validation = new Option<int>("--validation-percent") { Description = "Documents held out for validation, 0–50 (default 10).", DefaultValueFactory = _ => 10 };
        validation.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 50)
            {
                result.AddError("--validation-percent must be between 0 and 50.");
            }
        });
        var includeShadow = new Option<bool>("--include-shadow") { Description = "Also export shadow-mode challenger answers (scaled to the real time) as examples." };
        var data = CommonOptions.Data();

        var command = new Command("export-training", "Export labelled estimates as vision fine-tuning JSONL with a manifest.")
        {
            output, source, since, validation, includeShadow, data,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data),
            async (services, stdout, stderr) =>
            {
                var sources = FeedbackLabels.ParseSources(parse.GetValue(source))!; // the option accepts only valid names
                var manifest = await services.GetRequiredService<TrainingExporter>().ExportAsync(
                    new TrainingExportRequest(parse.GetRequiredValue(output).FullName, sources, parse.GetValue(since), parse.GetValue(validation), IncludeShadow: parse.GetValue(includeShadow)),
                    cancellationToken);
                CliOutput.WriteResult(stdout, manifest);
                foreach (var check in manifest.Checks.Where(c => !c.Passed))
                {
                    await stderr.WriteLineAsync($"warning: {check.Name}: {check.Detail}");
                }

                return ExitCodes.Success;
            }));
        return command;
    }
}
