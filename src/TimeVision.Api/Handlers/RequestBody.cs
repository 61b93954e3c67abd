using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Handlers;

/// <summary>Reads a small request body whole, refusing one larger than a limit without reading past it.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body's bytes, or <see langword="null"/> when it is larger than <paramref name="maxBytes"/>: by its
    /// <c>Content-Length</c> at once, else (chunked) as soon as one byte past the limit arrives.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return length > maxBytes ? null : buffer[..length];
    }
}
