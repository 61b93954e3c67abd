using System.Text.RegularExpressions;

namespace TimeVision.Core.Facts;

/// <summary>
/// Material designations a drawing may carry (EN numbers and names, AA alloys with tempers, DIN/ISO names, common
/// words in German, English and Czech), each with its machinability group.
/// </summary>
public static partial class MaterialCatalog
{
    /// <summary>The groups, in the order the <c>base</c> prompt lists their multipliers.</summary>
    public static readonly IReadOnlyList<string> Groups =
        ["aluminium", "plastic", "brass_bronze", "copper", "cast_iron", "free_cutting_steel", "steel", "alloy_steel", "stainless_steel", "tool_steel", "titanium"];

    // Most specific first: "Stainless Steel" must not read as steel, 1.4301 not as a generic EN number.
    private static readonly (Regex Pattern, string Group)[] Patterns =
    [
        (StainlessPattern(), "stainless_steel"),
        (FreeCuttingPattern(), "free_cutting_steel"),
        (ToolSteelPattern(), "tool_steel"),
        (AlloySteelPattern(), "alloy_steel"),
        (AluminiumPattern(), "aluminium"),
        (TitaniumPattern(), "titanium"),
        (BrassBronzePattern(), "brass_bronze"),
        (CopperPattern(), "copper"),
        (CastIronPattern(), "cast_iron"),
        (PlasticPattern(), "plastic"),
        (SteelPattern(), "steel"),
    ];

    /// <summary>The first material designation in <paramref name="text"/>, with its group.</summary>
    public static (string Designation, string Group)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (pattern, group) in Patterns)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return (match.Value.Trim(), group);
            }
        }

        return null;
    }

    /// <summary>The group of a material name as a model or a person wrote it; <see langword="null"/> when unknown.</summary>
    public static string? GroupOf(string? material) => material is null ? null : Find(material)?.Group;

    [GeneratedRegex(@"\b1\.4\d{3}\b|\bX\d{1,3}Cr[A-Za-z0-9-]*|\b(?:AISI|SS|A[24])[\s-]?3\d{2}L?\b|\bstainless(?:\s+steel)?\b|\bEdelstahl\b|\bnerez(?:ov[áa]\s+ocel)?\b|\bINOX\b|\bV2A\b|\bV4A\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StainlessPattern();

    [GeneratedRegex(@"\b\d{1,3}SMn(?:Pb|Bi)?\d{2,3}\b|\b1\.07\d{2}\b|\bAutomatenstahl\b|\bautomatov[áa]\s+ocel\b", RegexOptions.CultureInvariant)]
    private static partial Regex FreeCuttingPattern();

    [GeneratedRegex(@"\b1\.2\d{3}\b|\bX153CrMoV12\b|\bX210Cr12\b|\btool steel\b|\bWerkzeugstahl\b|\bn[áa]strojov[áa]\s+ocel\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToolSteelPattern();

    [GeneratedRegex(@"\b(?:42CrMo4|34CrNiMo6|16MnCr5|20MnCr5|41Cr4|30CrNiMo8|1\.7\d{3}|1\.6\d{3}|4140|4340)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlloySteelPattern();

    [GeneratedRegex(@"\bEN[\s-]?AW[\s-]?\d{4}[A-Z]?(?:[\s-]?T\d{1,4})?|\bAl\s?Mg\s?\d(?:[.,]\d)?(?:\s?Mn)?\b|\bAlMgSi\d?(?:[.,]\d)?\b|\bAlZn\w*|\bAlCu\w*|\b[2567]\d{3}-T\d{1,4}(?:\s+Alumin(?:i)?um)?\b|\bAlumin(?:i)?um\s+[2567]\d{3}\b|\bAlumin(?:i)?um\b|\bAlu\b|\(AL\)|\bhlin[íi]k\b|\bDural\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AluminiumPattern();

    [GeneratedRegex(@"\bTi6Al4V\b|\bTitan(?:ium)?\b|\b3\.7\d{3}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitaniumPattern();

    [GeneratedRegex(@"\bCuZn\d+\w*|\bCuSn\d+\w*|\bbrass\b|\bMessing\b|\bmosaz\b|\bbronze?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrassBronzePattern();

    [GeneratedRegex(@"\bCu-?ETP\b|\bcopper\b|\bKupfer\b|\bm[ěe]ď\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopperPattern();

    [GeneratedRegex(@"\bEN-GJ[LS]-\d+\w*|\bGG-?\d{2}\b|\bGGG-?\d{2}\b|\bcast iron\b|\bGrauguss\b|\blitina\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CastIronPattern();

    [GeneratedRegex(@"\bPOM(?:-[CH])?\b|\bPA\s?6\w*|\bPEEK\b|\bPTFE\b|\bPE-?HD\b|\bDelrin\b|\bAcetal\b|\bNylon\b|\bPVC\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlasticPattern();

    [GeneratedRegex(@"\bS2[35]5\w*|\bS355\w*|\bSt\s?37\w*|\bSt\s?52\w*|\bC[1-6]\dE?\b|\b1\.0\d{3}\b|\bStahl\b|\bsteel\b|\bocel\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SteelPattern();
}
