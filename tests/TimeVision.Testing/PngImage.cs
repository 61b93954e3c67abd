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

        // Decoded once, straight into bytes: a gray pixel is dark below 128, a colour one by the same luminance weights.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, grayscale ? SKColorType.Gray8 : SKColorType.Rgba8888, grayscale ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        using var bitmap = SKBitmap.Decode(codec, info);
        Assert.NotNull(bitmap);
        var dark = grayscale ? DarkGray(bitmap) : DarkColour(bitmap);
        return new PngImage(bitmap.Width, bitmap.Height, grayscale, (double)dark / ((long)bitmap.Width * bitmap.Height));
    }

    /// <summary>Decodes a PNG file.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    private static long DarkGray(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        long dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            foreach (var value in pixels.Slice(y * bitmap.RowBytes, bitmap.Width))
            {
                dark += value < 128 ? 1 : 0;
            }
        }

        return dark;
    }

    private static long DarkColour(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        long dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes, bitmap.Width * 4);
            for (var x = 0; x < row.Length; x += 4)
            {
                dark += (row[x] * 299) + (row[x + 1] * 587) + (row[x + 2] * 114) < 128 * 1000 ? 1 : 0;
            }
        }

        return dark;
    }
}
