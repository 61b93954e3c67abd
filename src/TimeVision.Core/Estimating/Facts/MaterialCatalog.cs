using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Material designations a drawing may carry, each with its machinability group: EN names and numbers (C45E,
/// 42CrMo4, S235JR, EN AW-6082, EN-GJL-250), Werkstoff numbers (1.0503, 1.1213, 1.4301), AISI/SAE and AA numbers
/// (AISI 1045, SAE 4140, 12L14, 6061-T6), ČSN steel classes (11 523, 17 240, 42 4201), Chinese GB grades (45钢, Q235,
/// 40Cr, HT250, QT450-10, H62, 1Cr18Ni9Ti, T10A) and the common words in German, English, Czech and Chinese.
/// </summary>
/// <remarks>
/// Two scopes. <see cref="Find"/> looks anywhere on a sheet, so it takes only designations that cannot be anything
/// else. A bare number is a material only in a material field (<see cref="FindInField"/>): on an inch drawing
/// <c>1.2500</c> is a dimension, not tool steel 1.2500; <c>45</c> is a length and <c>T10</c> a pulley's tooth count.
/// Designations are matched with ASCII word edges, because <c>\b</c> finds no edge between a digit and a Chinese
/// character (<c>45钢</c>, <c>6061铝</c>).
/// </remarks>
public static partial class MaterialCatalog
{
    /// <summary>The groups, in the order the <c>base</c> prompt lists their multipliers.</summary>
    public static readonly IReadOnlyList<string> Groups =
        ["aluminium", "plastic", "brass_bronze", "copper", "cast_iron", "free_cutting_steel", "steel", "alloy_steel", "stainless_steel", "tool_steel", "titanium"];

    private sealed record Rule(Regex Pattern, Func<Match, string?> GroupOf);

    // Numbers with their scheme named first, then names from the most specific group to the least: "Stainless Steel"
    // must not read as steel, X153CrMoV12 not as stainless, 20CrMnTi not as tool steel.
    private static readonly Rule[] Anywhere =
    [
        new(WerkstoffNumberNamed(), m => MaterialNumbers.WerkstoffGroup(m.Groups["number"].Value)),
        new(AisiSaeNamed(), m => MaterialNumbers.AisiGroup(m.Groups["grade"].Value)),
        new(CsnNamed(), m => MaterialNumbers.CsnGroup(CsnNumberOf(m))),
        new(HighAlloyName(), MaterialNumbers.HighAlloyGroup),
        Named(GbStainless(), "stainless_steel"),
        Named(StainlessPattern(), "stainless_steel"),
        Named(FreeCuttingPattern(), "free_cutting_steel"),
        Named(ToolSteelPattern(), "tool_steel"),
        Named(AlloySteelPattern(), "alloy_steel"),
        Named(AluminiumPattern(), "aluminium"),
        Named(TitaniumPattern(), "titanium"),
        Named(BrassBronzePattern(), "brass_bronze"),
        Named(CopperPattern(), "copper"),
        Named(CastIronPattern(), "cast_iron"),
        Named(PlasticPattern(), "plastic"),
        Named(SteelPattern(), "steel"),
    ];

    // Only the value of a material field: forms that elsewhere on a sheet are dimensions, counts or zone letters.
    private static readonly Rule[] InFieldOnly =
    [
        new(WerkstoffNumber(), m => MaterialNumbers.WerkstoffGroup(m.Groups["number"].Value)),
        new(CsnNumber(), m => MaterialNumbers.CsnGroup(CsnNumberOf(m))),
        new(BareGradeNumber(), m => MaterialNumbers.BareNumberGroup(m.Groups["grade"].Value)),
        new(ShortGbGrade(), m => MaterialNumbers.ShortGbGroup(m.Groups["grade"].Value)),
        new(ChineseMetal(), m => m.Value switch { "钢" => "steel", "铝" => "aluminium", "铜" => "copper", _ => "titanium" }),
    ];

    /// <summary>The first material designation in <paramref name="text"/>, anywhere on a sheet, with its group.</summary>
    public static (string Designation, string Group)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FirstMatch(Anywhere, text);
    }

    /// <summary>
    /// The material designation in the value of a material field (or a material as a model or a person names it):
    /// <see cref="Find"/>'s designations and also bare grade numbers (<c>1045</c>, <c>6061</c>, <c>1.4301</c>,
    /// <c>11 523</c>, GB <c>45</c>, <c>T10</c>, <c>H62</c>).
    /// </summary>
    public static (string Designation, string Group)? FindInField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FirstMatch(Anywhere, value) ?? FirstMatch(InFieldOnly, value);
    }

    /// <summary>The group of a material name as a model or a person wrote it; <see langword="null"/> when unknown.</summary>
    public static string? GroupOf(string? material) => material is null ? null : FindInField(material)?.Group;

    private static Rule Named(Regex pattern, string group) => new(pattern, _ => group);

    /// <summary>The ČSN material number without spaces; <c>ČSN 41 1523</c> is the standard of steel 11 523.</summary>
    private static string CsnNumberOf(Match match) =>
        match.Groups["steel"].Success ? "1" + match.Groups["steel"].Value : match.Groups["number"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static (string Designation, string Group)? FirstMatch(Rule[] rules, string text)
    {
        foreach (var rule in rules)
        {
            for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (rule.GroupOf(match) is { } group)
                {
                    return (match.Value.Trim(), group);
                }
            }
        }

        return null;
    }
}
