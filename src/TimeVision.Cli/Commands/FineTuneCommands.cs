using System.ClientModel;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Learning.FineTuning;

namespace TimeVision.Cli.Commands;

/// <summary>
/// <c>timevision fine-tune start --base MODEL --suffix NAME --from DIR</c> uploads an export and creates the job;
/// <c>timevision fine-tune status</c> runs the same check as the timer function and prints every job.
/// </summary>
internal static class FineTuneCommands
{
    public static Command Create() => new("fine-tune", "Start fine-tuning jobs from a training export and follow them.") { Start(), Status() };

    private static Command Start()
    {
        var baseModel = new Option<string>("--base") { Description = "The model to fine-tune.", DefaultValueFactory = _ => ModelIds.Default };
        var suffix = new Option<string>("--suffix") { Description = "Up to 64 letters, digits, '-' or '_' for the new model's id.", Required = true };
        var from = new Option<DirectoryInfo>("--from") { Description = "A folder written by 'timevision export-training'.", Required = true };
        var data = CommonOptions.Data();
        var endpoint = CommonOptions.Endpoint();
        var command = new Command("start", "Upload train.jsonl and validation.jsonl (purpose fine-tune), create the job and record it.")
        {
            baseModel, suffix, from, data, endpoint,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, endpoint: endpoint),
            (services, stdout, stderr) => CallApiAsync(services, stdout, stderr, async () =>
            {
                var job = await services.GetRequiredService<FineTuneService>().StartAsync(
                    parse.GetRequiredValue(baseModel), parse.GetRequiredValue(suffix), parse.GetRequiredValue(from).FullName, cancellationToken);
                CliOutput.WriteResult(stdout, job);
                await stderr.WriteLineAsync($"Started {job.JobId} ({job.Status}). Follow it with 'timevision fine-tune status'.");
            }), cancellationToken));
        return command;
    }

    private static Command Status()
    {
        var data = CommonOptions.Data();
        var endpoint = CommonOptions.Endpoint();
        var command = new Command("status", "Ask the API about every unfinished job, record what changed, register succeeded models as candidates, and print all jobs.")
        {
            data, endpoint,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            parse,
            CommonOptions.Overrides(parse, data, endpoint: endpoint),
            (services, stdout, stderr) => CallApiAsync(services, stdout, stderr, async () =>
            {
                var jobs = await services.GetRequiredService<FineTuneService>().CheckAsync(cancellationToken);
                CliOutput.WriteResult(stdout, new { jobs });
                foreach (var job in jobs.Where(j => j.Status == FineTuneStatuses.Succeeded && j.CandidateRegistered))
                {
                    await stderr.WriteLineAsync($"{job.FineTunedModel} is a candidate: 'timevision model activate {job.FineTunedModel}' switches to it.");
                }
            }), cancellationToken));
        return command;
    }

    private static async Task<int> CallApiAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, Func<Task> body)
    {
        if (services.GetRequiredService<ModelAccess>().CheckEndpoint() is { } denied)
        {
            return CliOutput.WriteError(stdout, stderr, denied);
        }

        try
        {
            await body();
            return ExitCodes.Success;
        }
        catch (FineTuneInputException exception)
        {
            return CliOutput.WriteError(stdout, stderr, exception.Code, exception.Message, ExitCodes.BadInput);
        }
        catch (ClientResultException exception)
        {
            return CliOutput.WriteError(stdout, stderr, "openai_error", $"The API answered {exception.Status}: {exception.Message}", ExitCodes.Failure);
        }
    }
}
