using System.CommandLine;
using System.Text.RegularExpressions;

namespace TimeVision.Cli.Tests;

/// <summary>What <c>--help</c> shows for every command.</summary>
public sealed partial class HelpTextTests
{
    public static TheoryData<string> CommandPaths() => [.. Paths(TimeVisionCommandLine.Build(), [])];

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Values_are_shown_as_they_are_typed_not_as_capitalised_enum_names(string path)
    {
        var run = await CliRunner.InvokeAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotMatch(EnumNames(), run.Stdout);
    }

    [Fact]
    public async Task Feedback_help_names_its_sources_and_codes_as_the_docs_and_the_API_spell_them()
    {
        var run = await CliRunner.InvokeAsync("feedback", "--help");

        Assert.Contains("<actual|expert>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("<ROT|PRI|COMBINED>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("<simple|medium|complex>", run.Stdout, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Paths(Command command, string[] parents)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] path = [.. parents, sub.Name];
            yield return string.Join(' ', path);
            foreach (var deeper in Paths(sub, path))
            {
                yield return deeper;
            }
        }
    }

    /// <summary>An option's values written as .NET enum names, e.g. <c>&lt;Actual|Expert&gt;</c>.</summary>
    [GeneratedRegex(@"<[A-Z][a-z]+(\|[A-Z][a-z]+)+>")]
    private static partial Regex EnumNames();
}
