using System.Text.Unicode;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>Recognises PDF bytes by their header, as viewers do.</summary>
public static class PdfSignature
{
    /// <summary>PDF readers accept the header anywhere in the first kilobyte (ISO 32000 implementation note).</summary>
    public const int SearchWindow = 1024;

    private static readonly byte[] Header = "%PDF-"u8.ToArray();

    /// <summary>Whether <paramref name="firstBytes"/> (the start of a file) carry a PDF header.</summary>
    /// <param name="firstBytes">Up to <see cref="SearchWindow"/> bytes from the start of the file.</param>
    public static bool IsPdf(ReadOnlySpan<byte> firstBytes) =>
        firstBytes[..Math.Min(firstBytes.Length, SearchWindow)].IndexOf(Header) >= 0;

    /// <summary>A short description of what non-PDF bytes look like, for error messages.</summary>
    /// <param name="firstBytes">The start of the file.</param>
    public static string Describe(ReadOnlySpan<byte> firstBytes) => firstBytes switch
    {
        [] => "the file is empty",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "it looks like a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "it looks like a JPEG image",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "it looks like a ZIP archive (an Office document or a CAD package?)",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "it looks like a TIFF image",
        _ when LooksLikeText(firstBytes) => "it looks like a text file",
        _ => "it starts with no known file signature",
    };

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 256)];
        return Utf8.IsValid(sample) && !sample.Contains((byte)0);
    }
}
