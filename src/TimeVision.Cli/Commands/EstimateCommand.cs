using System.CommandLine;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision estimate &lt;pdf&gt;</c>: the whole pipeline on this machine, hosted on the local Durable Task engine
/// (<see cref="LocalEstimateRun"/>). A stored estimate is shown unless forced; its pages that failed for a cause a retry
/// can fix run again. Exit 0 completed, 3 partial or failed pages, 2 bad input, 1 other failure.
/// </summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var pdf = new Argument<FileInfo>("pdf") { Description = "The PDF drawing to estimate." };
        var model = CommonOptions.Model();
        var endpoint = CommonOptions.Endpoint();
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var budget = CommonOptions.RunBudgetUsd();
        var force = new Option<bool>("--force") { Description = "Estimate again even if this PDF has a stored estimate." };
        var offline = new Option<bool>("--offline")
        {
            Description = "Estimate from the PDF's text layer with the reference tables, no model (low confidence); the default when no API key is configured.",
        };

        var command = new Command("estimate", "Estimate every page of a PDF drawing and store the document estimate.")
        {
            pdf, model, endpoint, data, json, force, offline, budget,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(offline) && result.GetValue(model) is { Length: > 0 })
            {
                result.AddError("--offline and --model cannot be used together.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(pdf),
            WithOffline(CommonOptions.Overrides(parse, data, model, endpoint, budget), parse.GetValue(offline)),
            parse.GetValue(json),
            parse.GetValue(force),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo pdf, Dictionary<string, string?> overrides, bool json, bool force, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!pdf.Exists)
        {
            return CliOutput.WriteError(stdout, stderr, "file_not_found", $"'{pdf.FullName}' does not exist.", ExitCodes.BadInput);
        }

        FilePrecheck? precheck = null;
        return await LocalEstimateRun.RunAsync(
            new LocalEstimateRun.Output(json, stdout, stderr),
            overrides,
            pdf.Name,
            async (intake, ct) => (precheck = await intake.PrecheckFileAsync(pdf.FullName, force, ct)).Early,
            (intake, client, ct) => intake.SubmitFileAsync(pdf.FullName, precheck!.Id, pdf.Name, DocumentSource.Cli, force, client, ct),
            stored => $"{pdf.Name} was estimated before ({stored.CompletedAt:u}); showing the stored estimate. --force estimates again.",
            cancellationToken);
    }

    private static Dictionary<string, string?> WithOffline(Dictionary<string, string?> overrides, bool offline)
    {
        if (offline)
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.Model)}"] = ModelIds.Offline;
        }

        return overrides;
    }
}
