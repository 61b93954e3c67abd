using System.CommandLine;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision retry &lt;id&gt;</c>: runs again the pages of a stored estimate that failed for a cause a retry can fix
/// (an outage, a timeout, a rate limit, a wrong key, an unknown model, a rejected parameter), from the PDF they were
/// read from; every other page keeps its stored result. Exit codes as <c>estimate</c>.
/// </summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The document id (the PDF's SHA-256), as estimate and show print it." };
        var model = CommonOptions.Model();
        var endpoint = CommonOptions.Endpoint();
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var budget = CommonOptions.RunBudgetUsd();
        var command = new Command(
            "retry",
            "Run again the pages of a stored estimate that failed for a cause a retry can fix (outage, timeout, rate limit, key, unknown model, rejected parameter).")
        {
            id, model, endpoint, data, json, budget,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var given = parse.GetRequiredValue(id);
            return LocalEstimateRun.RunAsync(
                new LocalEstimateRun.Output(parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error),
                CommonOptions.Overrides(parse, data, model, endpoint, budget),
                given.Trim(),
                (intake, ct) => intake.PrecheckRetryAsync(given, ct),
                (intake, client, ct) => intake.RetryAsync(given, client, ct),
                stored => $"No page of {stored.FileName} failed for a cause a retry can fix; showing the stored estimate. estimate --force estimates it all again.",
                cancellationToken);
        });
        return command;
    }
}
