using System.Reflection;
using PdfSharp.Fonts;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>
/// PDFsharp's fonts for a printed quote: DejaVu Sans and DejaVu Sans Bold, embedded in Core (with their licence,
/// <c>Fonts/LICENSE-DejaVu.txt</c>), so Czech letters print the same on every host, with no system font needed.
/// PDFsharp takes one resolver per process; every render sets this same instance, which PDFsharp allows.
/// </summary>
internal sealed class QuoteFonts : IFontResolver
{
    public const string Family = "TimeVision DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularFace = new(() => Load(Regular));
    private static readonly Lazy<byte[]> BoldFace = new(() => Load(Bold));
    private static readonly Lock Setting = new();

    private QuoteFonts()
    {
    }

    public static QuoteFonts Instance { get; } = new();

    /// <summary>Makes this PDFsharp's resolver, unless it already is.</summary>
    public static void Install()
    {
        lock (Setting)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => RegularFace.Value,
        Bold => BoldFace.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        var name = $"TimeVision.Core.Estimating.Pricing.Documents.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is not in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
