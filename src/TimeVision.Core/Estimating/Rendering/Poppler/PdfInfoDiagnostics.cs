namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>Turns Poppler's error output into one of the stable rendering error codes.</summary>
internal static class PdfInfoDiagnostics
{
    private static readonly string[] StructuralDamage =
        ["XRef", "xref", "trailer", "Top-level pages object", "reconstruct"];

    public static bool NeedsPassword(string stderr) => stderr.Contains("Incorrect password", StringComparison.Ordinal);

    /// <summary>
    /// A well-formed PDF whose page tree is empty: Poppler says the page count is 0 and reports no damage.
    /// A truncated file also ends with 0 pages, but only after complaining about its cross-reference table.
    /// </summary>
    public static bool IsEmptyPageTree(string stderr) =>
        stderr.Contains("Invalid page count 0", StringComparison.Ordinal)
        && !StructuralDamage.Any(marker => stderr.Contains(marker, StringComparison.Ordinal));

    /// <summary>The first error Poppler printed, trimmed, for a human-readable message.</summary>
    public static string FirstError(string stderr)
    {
        var line = stderr
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("Error", StringComparison.OrdinalIgnoreCase))
            ?? stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "no error message";
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
