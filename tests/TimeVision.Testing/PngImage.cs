using SkiaSharp;

using Xunit;

namespace TimeVision.Testing;

/// <summary>A PNG decoded by SkiaSharp, independently of TimeVision's own encoder.</summary>
public sealed record PngImage(int Width, int Height, bool IsGrayscale, double DarkPixelShare)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Decodes a PNG and measures the share of dark pixels (luminance below half).</summary>
    public static PngImage Decode(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "The bytes are not a PNG.");
        using var codec = SKCodec.Create(new MemoryStream(png));
        Assert.NotNull(codec);
        var grayscale = codec.Info.ColorType == SKColorType.Gray8;
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);

        long dark = 0;
        var pixels = bitmap.Pixels;
        foreach (var pixel in pixels)
        {
            if ((pixel.Red * 299) + (pixel.Green * 587) + (pixel.Blue * 114) < 128 * 1000)
            {
                dark++;
            }
        }

        return new PngImage(bitmap.Width, bitmap.Height, grayscale, (double)dark / pixels.Length);
    }

    /// <summary>Decodes a PNG file.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));
}
