using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.History;
using TimeVision.Hosting.Local;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision import --drawings DIR --times FILE</c>: the shop's history in. Past drawings become imported documents
/// (rendered, facts read, no model call) and the times file's rows become their labels (<see cref="HistoryImporter"/>);
/// with <c>--estimate MODEL</c> the imported drawings are then estimated (<see cref="ImportEstimates"/>). Progress on
/// stderr. Exit 0 every row used, 3 rows skipped or unmatched (the rest imported), 2 bad input.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var drawings = new Option<DirectoryInfo>("--drawings") { Description = "The folder of past drawings (PDFs).", Required = true };
        var times = new Option<FileInfo>("--times") { Description = "The times file (CSV with a header; see README, 'Importing the shop's history').", Required = true };
        var aggregate = new Option<string>("--aggregate") { Description = "How several orders of a drawing become its label: median (default) or trimmed-mean (drops the top and bottom 20 %).", DefaultValueFactory = _ => "median" };
        aggregate.AcceptOnlyFromAmong("median", "trimmed-mean");
        var source = new Option<FeedbackSource>("--source") { Description = "actual (measured, default) or expert, for rows without a source column.", HelpName = "actual|expert", DefaultValueFactory = _ => FeedbackSource.Actual };
        var estimate = new Option<string?>("--estimate") { Description = "Also estimate the imported drawings with this model (the pipeline on this machine), so eval has answers to score." };
        var budget = CommonOptions.RunBudgetUsd();
        var dryRun = new Option<bool>("--dry-run") { Description = "Read, match and compare with the stored labels; store and render nothing." };
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var endpoint = CommonOptions.Endpoint();

        var command = new Command("import", "Import past drawings with their real production times as labelled documents.")
        {
            drawings, times, aggregate, source, estimate, budget, dryRun, json, data, endpoint,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(dryRun) && result.GetValue(estimate) is not null)
            {
                result.AddError("--dry-run and --estimate cannot be used together.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            new ImportArguments(
                parse.GetRequiredValue(drawings),
                parse.GetRequiredValue(times),
                LabelAggregator.Parse(parse.GetValue(aggregate))!.Value,
                parse.GetValue(source),
                parse.GetValue(estimate),
                parse.GetValue(dryRun),
                parse.GetValue(json)),
            WithModel(CommonOptions.Overrides(parse, data, endpoint: endpoint, runBudget: budget), parse.GetValue(estimate)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private sealed record ImportArguments(
        DirectoryInfo Drawings, FileInfo Times, LabelAggregation Aggregate, FeedbackSource Source, string? EstimateModel, bool DryRun, bool Json);

    private static async Task<int> RunAsync(
        ImportArguments arguments, Dictionary<string, string?> overrides, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!arguments.Drawings.Exists)
        {
            return CliOutput.WriteError(stdout, stderr, "folder_not_found", $"The drawings folder '{arguments.Drawings.FullName}' does not exist.", ExitCodes.BadInput);
        }

        var slot = new LocalEngineSlot();
        using var host = await CliHost.TryBuildAsync(
            overrides, stdout, stderr, arguments.EstimateModel is null ? null : services => LocalEstimateRun.AddDurableTask(services, slot), cancellationToken);
        if (host is null)
        {
            return ExitCodes.BadInput;
        }

        var request = new HistoryImportRequest(arguments.Times.FullName, arguments.Times.Name, arguments.Aggregate, arguments.Source, arguments.DryRun);
        var outcome = await host.Services.GetRequiredService<HistoryImporter>().ImportAsync(
            request, new FolderHistoryDrawings(arguments.Drawings.FullName), new StderrProgress(stderr), cancellationToken);
        if (outcome.Error is { } error)
        {
            return CliOutput.WriteError(stdout, stderr, error.Code, error.Message, ExitCodes.BadInput);
        }

        var summary = outcome.Summary!;
        if (arguments.EstimateModel is not null)
        {
            try
            {
                await ImportEstimates.RunAsync(host, slot, summary, stderr, cancellationToken);
            }
            catch (DataFolderInUseException exception)
            {
                return CliOutput.WriteError(stdout, stderr, DataFolderInUseException.Code, exception.Message, ExitCodes.BadInput);
            }
        }

        if (arguments.Json)
        {
            CliOutput.WriteResult(stdout, summary);
        }
        else
        {
            await stdout.WriteAsync(Describe(summary));
        }

        return summary.Complete ? ExitCodes.Success : ExitCodes.Incomplete;
    }

    private static Dictionary<string, string?> WithModel(Dictionary<string, string?> overrides, string? model)
    {
        if (model is { Length: > 0 })
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.Model)}"] = model;
        }

        return overrides;
    }

    private static string Describe(HistoryImportSummary summary)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(Invariant($"{summary.Rows} rows: {summary.Matched} used, {summary.BadRowCount} bad, {summary.UnmatchedCount} unmatched{(summary.DryRun ? " (dry run: nothing stored)" : string.Empty)}"));
        text.AppendLine(Invariant($"labels: {summary.LabelsAdded} added, {summary.LabelsUnchanged} unchanged, {summary.LabelsSuperseded} superseded; {summary.DrawingsRendered} drawing(s) rendered"));
        foreach (var label in summary.Documents)
        {
            var part = label.Part is { } number ? Invariant($" part {number}") : label.PartText is { } partText ? $" ('{partText}', whole document)" : string.Empty;
            var normalised = label.Normalised is { Count: > 0 } changes ? $"; normalised: {string.Join(", ", changes)}" : string.Empty;
            text.AppendLine(Invariant($"  {label.File}{part}: {label.ActualMin:0.###} min {JsonCode.Of(label.Source)} from {label.Rows} row(s), {label.Label} (by {label.MatchedBy}{normalised})"));
        }

        foreach (var shared in summary.DuplicateDrawingNumbers)
        {
            text.AppendLine($"  drawing number '{shared.DrawingNumber}' is on {string.Join(", ", shared.Files)}: not guessed");
        }

        foreach (var row in summary.BadRows)
        {
            text.AppendLine(Invariant($"  line {row.Line}: bad row: {row.Reason}"));
        }

        foreach (var row in summary.Unmatched)
        {
            text.AppendLine(Invariant($"  line {row.Line}: unmatched: {row.Reason}"));
        }

        if (summary.BadRowCount > summary.BadRows.Count || summary.UnmatchedCount > summary.Unmatched.Count)
        {
            text.AppendLine(Invariant($"  (the first {HistoryImportSummary.MaxListedRows} bad and unmatched rows by line are listed)"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line on stderr per finished drawing.</summary>
    private sealed class StderrProgress(TextWriter stderr) : IProgress<HistoryImportProgress>
    {
        public void Report(HistoryImportProgress value) =>
            stderr.WriteLine(Invariant($"import: {value.DrawingsDone}/{value.DrawingsTotal} {value.File}{(value.Rendered ? ", rendered" : ", already stored")}"));
    }
}
