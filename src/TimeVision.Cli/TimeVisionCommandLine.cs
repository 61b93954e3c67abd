using System.CommandLine;
using System.CommandLine.Invocation;
using TimeVision.Cli.Commands;

namespace TimeVision.Cli;

/// <summary>The <c>timevision</c> command tree.</summary>
public static class TimeVisionCommandLine
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> InvocationSettings = new();

    /// <summary>
    /// Settings that stand in for environment variables in this invocation only (see the <c>InvokeAsync</c> overload
    /// that takes them); <see langword="null"/> when the command line was not invoked that way.
    /// </summary>
    internal static IReadOnlyDictionary<string, string?>? Settings => InvocationSettings.Value;

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
            QuoteCommand.Create(),
            RatesCommands.Create(),
            CuttingDataCommands.Create(),
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

    /// <summary>
    /// Runs <paramref name="args"/> in this process as if <paramref name="settings"/> were environment variables of its
    /// own (keys in configuration form, <c>Vision:Endpoint</c>; a <see langword="null"/> value hides a variable the
    /// process has). Many invocations may run side by side, each with its settings: the tests run commands this way
    /// instead of starting a process for each.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="settings">This invocation's stand-in for environment variables.</param>
    /// <param name="configuration">Where output and errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> InvokeAsync(
        string[] args, IReadOnlyDictionary<string, string?> settings, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        InvocationSettings.Value = settings; // flows into this call only: an async method's changes do not reach its caller
        return await InvokeAsync(args, configuration, cancellationToken);
    }
}
