using System.Globalization;
using System.Text;

namespace TimeVision.Core.Rendering.Png;

/// <summary>The header of a binary PGM (<c>P5</c>) or PPM (<c>P6</c>) image, as <c>pdftoppm</c> writes to stdout.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">1 for grayscale, 3 for RGB.</param>
internal sealed record NetpbmHeader(int Width, int Height, int Channels)
{
    private const int MaxTokenLength = 16;

    /// <summary>Bytes in one row of pixels.</summary>
    public int Stride => Width * Channels;

    /// <summary>Reads the header, leaving <paramref name="source"/> at the first pixel byte.</summary>
    /// <exception cref="InvalidDataException">The stream is empty or is not an 8-bit P5/P6 image.</exception>
    public static async Task<NetpbmHeader> ReadAsync(Stream source, CancellationToken cancellationToken)
    {
        var reader = new TokenReader(source);
        var magic = await reader.NextAsync(cancellationToken)
            ?? throw new InvalidDataException("The renderer produced no image.");
        var channels = magic switch
        {
            "P5" => 1,
            "P6" => 3,
            _ => throw new InvalidDataException($"The renderer produced an unexpected image type '{magic}'."),
        };

        var width = await reader.NextNumberAsync(cancellationToken);
        var height = await reader.NextNumberAsync(cancellationToken);
        var maxValue = await reader.NextNumberAsync(cancellationToken);
        if (width <= 0 || height <= 0 || maxValue != 255)
        {
            throw new InvalidDataException($"The renderer produced an unsupported image ({width}×{height}, max value {maxValue}).");
        }

        return new NetpbmHeader(width, height, channels);
    }

    /// <summary>Reads whitespace-separated header tokens one byte at a time, so no pixel byte is consumed.</summary>
    private sealed class TokenReader(Stream source)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<int> NextNumberAsync(CancellationToken cancellationToken)
        {
            var token = await NextAsync(cancellationToken);
            return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidDataException($"The renderer's image header is malformed near '{token}'.");
        }

        public async Task<string?> NextAsync(CancellationToken cancellationToken)
        {
            var token = new StringBuilder();
            var inComment = false;
            while (await source.ReadAsync(_one, cancellationToken) == 1)
            {
                var c = (char)_one[0];
                if (inComment)
                {
                    inComment = c != '\n';
                }
                else if (c == '#')
                {
                    inComment = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (token.Length > 0)
                    {
                        return token.ToString();
                    }
                }
                else if (token.Append(c).Length > MaxTokenLength)
                {
                    throw new InvalidDataException("The renderer's image header is malformed.");
                }
            }

            return token.Length > 0 ? token.ToString() : null;
        }
    }
}
