using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Testing;

/// <summary>PDFs built in the tests: the good ones a drawing might be and the bad ones a customer might send.</summary>
public static class TestPdfs
{
    /// <summary>A PDF of <paramref name="pageCount"/> pages of the given size, each with a few lines on it.</summary>
    public static byte[] WithPages(int pageCount, double widthMm = 297, double heightMm = 210)
    {
        using var document = new PdfDocument();
        for (var i = 0; i < pageCount; i++)
        {
            AddLineArtPage(document, widthMm, heightMm);
        }

        return Save(document);
    }

    /// <summary>A PDF whose pages have the given sizes, in millimetres.</summary>
    public static byte[] WithPageSizes(params (double WidthMm, double HeightMm)[] sizes)
    {
        using var document = new PdfDocument();
        foreach (var (width, height) in sizes)
        {
            AddLineArtPage(document, width, height);
        }

        return Save(document);
    }

    /// <summary>
    /// A one-page PDF of the given size whose page carries <c>/Rotate</c> <paramref name="rotation"/>, as scanners and
    /// some CAD printers write landscape sheets: viewers show it turned.
    /// </summary>
    public static byte[] Rotated(double widthMm, double heightMm, int rotation)
    {
        using var document = new PdfDocument();
        AddLineArtPage(document, widthMm, heightMm).Rotate = rotation;
        return Save(document);
    }

    /// <summary>A one-page PDF that needs <paramref name="userPassword"/> to open.</summary>
    public static byte[] Encrypted(string userPassword = "secret")
    {
        using var document = new PdfDocument();
        AddLineArtPage(document, 210, 297);
        document.SecuritySettings.UserPassword = userPassword;
        document.SecuritySettings.OwnerPassword = userPassword + "-owner";
        return Save(document);
    }

    /// <summary>A well-formed PDF whose page tree is empty.</summary>
    public static byte[] ZeroPages()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [ ] /Count 0 >>",
        ];
        return Assemble(objects);
    }

    /// <summary>
    /// A PDF of <paramref name="objects"/> (object 1 the catalog), numbered in order, with its cross-reference table
    /// and trailer. Everything must be ASCII, so that lengths in characters are offsets in bytes.
    /// </summary>
    public static byte[] Assemble(IReadOnlyList<string> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Root 1 0 R /Size {objects.Count + 1} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// A valid one-page PDF a little larger than <paramref name="paddingBytes"/>: the page is tiny, the bulk an
    /// unreferenced stream of zeros, as a scan's would be. For size limits without a large file in the repository.
    /// </summary>
    public static byte[] Padded(int paddingBytes)
    {
        using var pdf = new MemoryStream(paddingBytes + 1024);
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Start() => offsets.Add(pdf.Position);
        Write("%PDF-1.4\n");
        foreach (var body in new[] { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>" })
        {
            Start();
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n"));
        }

        Start();
        Write(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Length {paddingBytes} >>\nstream\n"));
        pdf.Write(new byte[paddingBytes]);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n"));
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Root 1 0 R /Size 5 >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    /// <summary>The first <paramref name="fraction"/> of a file, as an interrupted upload leaves it.</summary>
    public static byte[] Truncated(byte[] pdf, double fraction = 0.5) => pdf[..(int)(pdf.Length * fraction)];

    /// <summary>Random bytes from a fixed seed: deterministic garbage.</summary>
    public static byte[] RandomBytes(int length = 8192, int seed = 42)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A PDF header followed by random bytes: looks like a PDF, is not one.</summary>
    public static byte[] HeaderThenGarbage() => [.. "%PDF-1.7\n"u8, .. RandomBytes()];

    /// <summary>Writes <paramref name="bytes"/> to a new file in <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(string folder, string fileName, byte[] bytes)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Lines only: text would need a font resolver, which PDFsharp lacks on Linux.
    private static PdfPage AddLineArtPage(PdfDocument document, double widthMm, double heightMm)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(widthMm);
        page.Height = XUnit.FromMillimeter(heightMm);
        using var graphics = XGraphics.FromPdfPage(page);
        var pen = new XPen(XColors.Black, 2);
        var w = page.Width.Point;
        var h = page.Height.Point;
        graphics.DrawRectangle(pen, w * 0.05, h * 0.05, w * 0.9, h * 0.9);
        graphics.DrawLine(pen, w * 0.05, h * 0.05, w * 0.95, h * 0.95);
        graphics.DrawEllipse(pen, w * 0.4, h * 0.4, w * 0.2, h * 0.2);
        return page;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
