namespace TimeVision.Core.Estimating.Rendering.Png;

/// <summary>The size and channel count of raw 8-bit pixel rows, as the renderer hands them to the PNG encoder.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">1 for grayscale, 3 for RGB.</param>
internal sealed record RawImageHeader(int Width, int Height, int Channels)
{
    /// <summary>Bytes in one row of pixels.</summary>
    public int Stride => Width * Channels;
}
