using System.Globalization;
using System.Text;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The one rule for the file name a document is stored with, whatever host it came through (an upload's header or
/// query, a blob's path, a file on disk): the name is shown back to people and written into reports, so it is only a
/// name.
/// </summary>
public static class FileNames
{
    /// <summary>The longest name kept, in characters (the extension included).</summary>
    public const int MaxLength = 255;

    /// <summary>The name of a document that came without a usable one.</summary>
    public const string Unnamed = "upload.pdf";

    /// <summary>An extension longer than this is part of the name, not an extension to keep when shortening.</summary>
    private const int MaxExtensionLength = 16;

    /// <summary>
    /// <paramref name="name"/> made safe to show: only its last path segment (after the last <c>/</c> or <c>\</c>),
    /// without control or invisible formatting characters (such as a right-to-left override), trimmed, and cut to
    /// <see cref="MaxLength"/> characters keeping its extension; <see cref="Unnamed"/> when nothing is left.
    /// </summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Unnamed;
        }

        var visible = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                visible.Append(rune.ToString());
            }
        }

        var text = visible.ToString();
        var cleaned = text[(text.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (cleaned is "" or "." or "..")
        {
            return Unnamed;
        }

        return cleaned.Length <= MaxLength ? cleaned : Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = string.Empty;
        }

        var cut = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[cut - 1]))
        {
            cut--;
        }

        return string.Concat(name.AsSpan(0, cut).TrimEnd(), extension);
    }
}
