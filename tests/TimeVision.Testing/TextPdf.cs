using System.Globalization;
using System.Text;

namespace TimeVision.Testing;

/// <summary>
/// A one-page PDF with a real text layer: strings placed in points from the top left, as a CAD program writes a
/// drawing's lettering. One Type0 font (Identity-H, two bytes a character) with a ToUnicode map carries any text of
/// the Basic Multilingual Plane, Czech and Chinese as well as Latin; its glyphs are not embedded, so a viewer shows
/// boxes, but pdftotext reads the text back exactly, with each character's box from the font's widths (ideographs a
/// full em, everything else 0.6 em).
/// </summary>
public sealed class TextPdf
{
    private readonly List<(double X, double Y, double Size, string Text)> _texts = [];
    private readonly List<(double X, double Y, double Width, double Height)> _blocks = [];
    private (double X, double Y, double Width, double Height)? _crop;
    private int _rotation;
    private bool _storedTurned;

    /// <summary>Creates an empty page of the given size in points (default: A4 landscape).</summary>
    public TextPdf(double width = 842, double height = 595)
    {
        Width = width;
        Height = height;
    }

    /// <summary>The page width in points.</summary>
    public double Width { get; }

    /// <summary>The page height in points.</summary>
    public double Height { get; }

    /// <summary>Writes <paramref name="text"/> with its baseline at <paramref name="y"/> points from the top, starting <paramref name="x"/> points from the left.</summary>
    public TextPdf Text(double x, double y, string text, double size = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Any(char.IsSurrogate))
        {
            throw new ArgumentException("Only characters of the Basic Multilingual Plane can be written.", nameof(text));
        }

        _texts.Add((x, y, size, text));
        return this;
    }

    /// <summary>Fills a black rectangle whose top left corner is <paramref name="x"/>, <paramref name="y"/> points from the page's top left: a mark to find in the rendered image.</summary>
    public TextPdf Block(double x, double y, double width, double height)
    {
        _blocks.Add((x, y, width, height));
        return this;
    }

    /// <summary>Gives the page a <c>/CropBox</c> whose top left corner is <paramref name="x"/>, <paramref name="y"/> points from the media box's top left.</summary>
    public TextPdf Cropped(double x, double y, double width, double height)
    {
        _crop = (x, y, width, height);
        return this;
    }

    /// <summary>Gives the page a <c>/Rotate</c> of <paramref name="degrees"/>: a viewer shows it turned clockwise.</summary>
    public TextPdf Rotated(int degrees)
    {
        _rotation = degrees;
        return this;
    }

    /// <summary>
    /// Stores the sheet as plotters often save a landscape drawing: a media box of <see cref="Height"/> × <see cref="Width"/>
    /// with <c>/Rotate 90</c>, and everything drawn turned inside it, so that a viewer shows the sheet upright at
    /// <see cref="Width"/> × <see cref="Height"/> with everything where <see cref="Text"/> and <see cref="Block"/> put it.
    /// </summary>
    public TextPdf StoredTurned()
    {
        _storedTurned = true;
        return this;
    }

    /// <summary>The PDF's bytes.</summary>
    public byte[] ToBytes()
    {
        var characters = _texts.SelectMany(t => t.Text).Distinct().Order().ToList();
        // Stored turned: (u, v) as shown maps to (Height - v, u) in the media box, which /Rotate 90 turns back.
        var content = new StringBuilder(_storedTurned ? string.Create(CultureInfo.InvariantCulture, $"q 0 1 -1 0 {Height:0.###} 0 cm\n") : string.Empty);
        foreach (var (x, y, width, height) in _blocks)
        {
            content.Append(CultureInfo.InvariantCulture, $"0 g {x:0.###} {Height - y - height:0.###} {width:0.###} {height:0.###} re f\n");
        }

        foreach (var (x, y, size, text) in _texts)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 {size:0.###} Tf 1 0 0 1 {x:0.###} {Height - y:0.###} Tm <{Hex(text)}> Tj ET\n");
        }

        if (_storedTurned)
        {
            content.Append("Q\n");
        }

        var unicodeMap = new StringBuilder()
            .Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in characters.Chunk(100))
        {
            // A bfchar block holds at most 100 entries.
            unicodeMap.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var c in chunk)
            {
                unicodeMap.Append(CultureInfo.InvariantCulture, $"<{(int)c:X4}> <{(int)c:X4}>\n");
            }

            unicodeMap.Append("endbfchar\n");
        }

        unicodeMap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        var widths = string.Join(' ', characters.Select(c => string.Create(CultureInfo.InvariantCulture, $"{(int)c} [{(IsIdeograph(c) ? 1000 : 600)}]")));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {MediaWidth:0.###} {MediaHeight:0.###}]{PageGeometry()} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /Type0 /BaseFont /DrawingSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DrawingSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 600 /W [{widths}] /CIDToGIDMap /Identity >>",
            Stream(unicodeMap.ToString()),
            "<< /Type /FontDescriptor /FontName /DrawingSans /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ];

        // Everything in the file is ASCII: the text travels as hex glyph codes.
        return TestPdfs.Assemble(objects);
    }

    private double MediaWidth => _storedTurned ? Height : Width;

    private double MediaHeight => _storedTurned ? Width : Height;

    private string PageGeometry()
    {
        var rotation = _storedTurned ? _rotation + 90 : _rotation;
        var geometry = rotation == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" /Rotate {rotation}");
        return _crop is not { } crop ? geometry
            : string.Create(CultureInfo.InvariantCulture, $" /CropBox [{crop.X:0.###} {MediaHeight - crop.Y - crop.Height:0.###} {crop.X + crop.Width:0.###} {MediaHeight - crop.Y:0.###}]{geometry}");
    }

    private static string Stream(string data) => string.Create(CultureInfo.InvariantCulture, $"<< /Length {data.Length} >>\nstream\n{data}\nendstream");

    private static string Hex(string text) => string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    private static bool IsIdeograph(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60';
}
