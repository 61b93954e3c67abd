using System.Text;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// How a times file's drawing number is compared with the numbers read from drawings: exactly first, then without
/// regard to case, spaces and dashes, then also without a trailing sheet or revision suffix (<c>-A</c>, <c>rev B</c>,
/// <c>/2</c>, <c>(C)</c>, <c>Blatt 2</c>). What had to be dropped is said, never guessed silently.
/// </summary>
public static partial class DrawingNumbers
{
    /// <summary>The form compared at the second level: upper case, no spaces, no dashes, accents kept.</summary>
    public static string Compact(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var compact = new StringBuilder(number.Length);
        foreach (var c in number.Trim().ToUpperInvariant())
        {
            if (!char.IsWhiteSpace(c) && !IsDash(c))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }

    /// <summary>The number without a trailing sheet or revision suffix, and the suffix; the number itself when it has none.</summary>
    public static (string Base, string? Suffix) WithoutSuffix(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var trimmed = number.Trim();
        var plain = PlainText.Of(trimmed).ToUpperInvariant();
        trimmed = plain.Length == trimmed.Length ? trimmed : plain;
        var match = Suffix().Match(plain);
        return match.Success && match.Groups["base"].Value.Any(char.IsLetterOrDigit)
            ? (trimmed[..match.Groups["base"].Length], trimmed[match.Groups["base"].Length..].Trim())
            : (trimmed, null);
    }

    /// <summary>What differs between two numbers that are equal in <see cref="Compact"/> form: <c>case</c>, <c>spaces</c>, <c>dashes</c>.</summary>
    public static IReadOnlyList<string> Differences(string written, string read)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(read);
        var (a, b) = (written.Trim(), read.Trim());
        var differences = new List<string>();
        if (!string.Equals(Strip(a, char.IsWhiteSpace, IsDash), Strip(b, char.IsWhiteSpace, IsDash), StringComparison.Ordinal))
        {
            differences.Add("case");
        }

        if (!string.Equals(Strip(a, IsDash), Strip(b, IsDash), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add("spaces");
        }

        if (!string.Equals(Strip(a, char.IsWhiteSpace), Strip(b, char.IsWhiteSpace), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add("dashes");
        }

        return differences;
    }

    private static string Strip(string text, params Func<char, bool>[] drop) => new([.. text.Where(c => !drop.Any(d => d(c)))]);

    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    // A revision or sheet word with a short value, a single letter after a separator, a short value in brackets, or /N.
    [GeneratedRegex(
        @"^(?<base>.+?)(?:[\s_\-./]*\b(?:REV(?:ISION)?|INDEX|IDX|ZMENA|ZM|SHEET|SH|LIST|BLATT|BL)\b\.?[\s_\-.:]*[A-Z0-9]{1,2}|[\s_\-]+[A-Z]|\s*\([A-Z0-9]{1,2}\)|\s*/\s*\d{1,2})\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();
}
