using System.CommandLine;
using System.CommandLine.Invocation;
using TimeVision.Cli.Commands;

namespace TimeVision.Cli;

/// <summary>The <c>timevision</c> command tree.</summary>
public static class TimeVisionCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build() =>
        new("TimeVision: machining-time estimates from technical drawings (PDF).")
        {
            RenderCommand.Create(),
            FactsCommand.Create(),
            EstimatePageCommand.Create(),
            EstimateCommand.Create(),
            ShowCommand.Create(),
            SimilarCommand.Create(),
            RetryCommand.Create(),
            FeedbackCommand.Create(),
            ImportCommand.Create(),
            ExportTrainingCommand.Create(),
            FineTuneCommands.Create(),
            EvalCommand.Create(),
            CalibrateCommand.Create(),
            PlanCommand.Create(),
            ModelCommands.Info(),
            ModelCommands.Model(),
            ServeCommand.Create(),
        };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (an unknown option, a value
    /// outside the accepted ones) prints its errors and usage and exits <see cref="ExitCodes.BadInput"/>, as any
    /// other bad input does.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Where output and errors go (default: the console).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Build().Parse(args);
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
        return parse.Action is ParseErrorAction ? ExitCodes.BadInput : exitCode;
    }
}
