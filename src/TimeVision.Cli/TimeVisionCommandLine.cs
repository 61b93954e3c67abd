using System.CommandLine;
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
            FeedbackCommand.Create(),
            ExportTrainingCommand.Create(),
            FineTuneCommands.Create(),
            EvalCommand.Create(),
            ModelCommands.Info(),
            ModelCommands.Model(),
        };
}
