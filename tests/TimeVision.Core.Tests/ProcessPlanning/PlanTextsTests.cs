using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>
/// The engine writes its formulas and default reasons only from <see cref="PlanFormulas"/> and
/// <see cref="DefaultReasons"/>, whose every text the page words in Czech (a browser test checks that side): a timer
/// that wrote a literal of its own would reach the page in English.
/// </summary>
public sealed partial class PlanTextsTests
{
    [Fact]
    public void Every_feature_type_planned_with_its_sizes_missing_writes_only_listed_formulas_and_reasons()
    {
        var features = Enum.GetValues<FeatureType>().Select((type, i) => new MachiningFeature { Id = $"x{i}", Type = type }).ToList();
        var set = new FeatureSet { MaterialGroup = "unobtainium", Features = features };

        var plan = Plans.Of(set);

        var formulas = plan.Operations.SelectMany(o => o.Lines).Select(l => l.Formula).Distinct().ToList();
        Assert.All(formulas, formula => Assert.Contains(formula, PlanFormulas.All));
        Assert.True(formulas.Count >= 10, $"only {formulas.Count} formulas were written: {string.Join(" | ", formulas)}");
        var listed = DefaultReasons.Examples.Select(Shape).ToHashSet(StringComparer.Ordinal);
        Assert.All(plan.DefaultsUsed, text => Assert.Contains(Shape(text), listed));
        Assert.Contains(plan.DefaultsUsed, text => text.Contains("has no cutting data", StringComparison.Ordinal));
    }

    [Fact]
    public void No_timer_passes_a_formula_or_a_reason_of_its_own_as_a_literal()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "TimeVision.Core", "Estimating", "ProcessPlanning");
        var own = new[] { "PlanFormulas.cs", "DefaultReasons.cs" };
        var offending = Directory.GetFiles(folder, "*.cs").Where(f => !own.Contains(Path.GetFileName(f)))
            .SelectMany(file => File.ReadAllText(file).Split(';').Select(statement => (File: Path.GetFileName(file), Statement: statement)))
            .Where(s => WritesText().IsMatch(s.Statement) && Literals().Count(s.Statement) > Allowed(s.Statement))
            .Select(s => $"{s.File}: {string.Join(' ', s.Statement.Split('\n', StringSplitOptions.TrimEntries))}").ToList();

        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));
    }

    /// <summary>
    /// The literals a statement may hold: a default's field name per Take or Pick, a tool per line made, an id and a
    /// tool per line built by hand, a place and a field per default written in full; none else in a note.
    /// </summary>
    private static int Allowed(string statement) =>
        TakeCalls().Count(statement) + Count(statement, "FeatureLines.Make(") + (2 * Count(statement, "new PlanLine(")) + (2 * Count(statement, "DefaultReasons.Line("));

    private static int Count(string text, string call) => text.Split(call).Length - 1;

    /// <summary>A default's reason (or a note) with its numbers and quoted names blanked, as the page words it by form.</summary>
    private static string Shape(string text)
    {
        var parts = DefaultLine().Match(text);
        var why = parts.Success ? parts.Groups["why"].Value : text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return CuttingData().IsMatch(why) ? "group operation" : Numbers().Replace(Quoted().Replace(why, "'…'"), "#");
    }

    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex Literals();

    [GeneratedRegex(@"(?<!double )\b(?:Take|Pick)\(")]
    private static partial Regex TakeCalls();

    [GeneratedRegex(@"(?<!double )\b(?:Take|Pick|Note)\(|FeatureLines\.Make\(|new PlanLine\(")]
    private static partial Regex WritesText();

    [GeneratedRegex(@"^[^:]+: \S+ = .+? \((?<why>.*)\)$")]
    private static partial Regex DefaultLine();

    [GeneratedRegex(@"^\w+(?: \(fallback of \w+\))? \w+$")]
    private static partial Regex CuttingData();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();
}
