using Spectre.Console;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>An evaluation run with a progress bar on stderr: calls done of the total, and what they cost so far.</summary>
internal static class EvaluationProgressBar
{
    /// <summary>Runs <paramref name="run"/>, showing its progress as <paramref name="calls"/> (e.g. "estimates") done.</summary>
    /// <typeparam name="T">What the run answers.</typeparam>
    /// <param name="title">The bar's title, e.g. "12 documents × 3 models".</param>
    /// <param name="total">The calls the run makes at most.</param>
    /// <param name="calls">What one call is called in the description.</param>
    /// <param name="stderr">Where the bar is drawn.</param>
    /// <param name="run">The run, given the progress to report to.</param>
    public static async Task<T> RunAsync<T>(string title, int total, string calls, TextWriter stderr, Func<IProgress<EvaluationProgress>, Task<T>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: total);
                var progress = new Progress<EvaluationProgress>(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"{p.Done}/{p.Total} {calls}, ${p.SpentUsd:0.####} spent";
                });
                result = await run(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
