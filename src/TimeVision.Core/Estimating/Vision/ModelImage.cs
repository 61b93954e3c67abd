using SkiaSharp;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Png;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>The image a model is sent: a PNG no larger than the model can use.</summary>
/// <param name="Png">The PNG bytes.</param>
/// <param name="WidthPx">Width in pixels.</param>
/// <param name="HeightPx">Height in pixels.</param>
public sealed record ModelImage(BinaryData Png, int WidthPx, int HeightPx)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Derives the model image from a rendered page: the page itself when it already fits
    /// <paramref name="maxLongSidePx"/>, else a high-quality downscale (Mitchell cubic), grayscale kept grayscale.
    /// </summary>
    /// <param name="page">The rendered page (PNG, or any image SkiaSharp decodes).</param>
    /// <param name="maxLongSidePx">The longest side the model should get.</param>
    /// <param name="cancellationToken">Cancels the encoding.</param>
    /// <exception cref="InvalidDataException">The bytes are not an image.</exception>
    public static async Task<ModelImage> FromPageAsync(BinaryData page, int maxLongSidePx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = page.ToArray();
        using var codec = SKCodec.Create(new MemoryStream(bytes))
            ?? throw new InvalidDataException("The page image is not a PNG or another image format TimeVision can read.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var isPng = bytes.AsSpan().StartsWith(PngSignature);
        if (isPng && Math.Max(width, height) <= maxLongSidePx)
        {
            return new ModelImage(page, width, height);
        }

        var gray = codec.Info.ColorType == SKColorType.Gray8;
        var colorType = gray ? SKColorType.Gray8 : SKColorType.Rgba8888;
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(width, height, colorType, SKAlphaType.Opaque))
            ?? throw new InvalidDataException("The page image could not be decoded.");
        return await DownscaleAsync(decoded, maxLongSidePx, cancellationToken);
    }

    /// <summary>
    /// The model image from a page's pixels (<see cref="SKColorType.Gray8"/> or <see cref="SKColorType.Rgba8888"/>):
    /// a downscale to <paramref name="maxLongSidePx"/> (Mitchell cubic) encoded as PNG. The rendering benchmark also
    /// times it on pixels straight from the renderer.
    /// </summary>
    internal static async Task<ModelImage> DownscaleAsync(SKBitmap decoded, int maxLongSidePx, CancellationToken cancellationToken)
    {
        var target = PageFrame.FitLongSide(decoded.Width, decoded.Height, maxLongSidePx);
        var gray = decoded.ColorType == SKColorType.Gray8;
        var colorType = gray ? SKColorType.Gray8 : SKColorType.Rgba8888;
        using var resized = decoded.Resize(
            new SKImageInfo(target.Width, target.Height, colorType, SKAlphaType.Opaque),
            new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the page image.");

        var header = new RawImageHeader(target.Width, target.Height, gray ? 1 : 3);
        using var pixels = new MemoryStream(PackRows(resized, header));
        using var png = new MemoryStream();
        await PngEncoder.EncodeAsync(pixels, header, dpi: null, png, cancellationToken);
        return new ModelImage(BinaryData.FromBytes(png.ToArray()), target.Width, target.Height);
    }

    /// <summary>Rows without padding, as the PNG encoder reads them: gray as is, RGBA without its alpha.</summary>
    private static byte[] PackRows(SKBitmap bitmap, RawImageHeader header)
    {
        var source = bitmap.GetPixelSpan();
        var packed = new byte[header.Stride * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            var row = source.Slice(y * bitmap.RowBytes, bitmap.Width * bitmap.BytesPerPixel);
            var output = packed.AsSpan(y * header.Stride, header.Stride);
            if (header.Channels == 1)
            {
                row.CopyTo(output);
                continue;
            }

            for (var x = 0; x < header.Width; x++)
            {
                output[(x * 3) + 0] = row[(x * 4) + 0];
                output[(x * 3) + 1] = row[(x * 4) + 1];
                output[(x * 3) + 2] = row[(x * 4) + 2];
            }
        }

        return packed;
    }
}
