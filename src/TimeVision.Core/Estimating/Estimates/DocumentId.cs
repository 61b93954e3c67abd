using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>A document's id: the SHA-256 of its PDF as 64 lowercase hex digits. The one place that says what an id looks like.</summary>
public readonly record struct DocumentId
{
    private readonly string _value;

    private DocumentId(string value) => _value = value;

    /// <summary>The id as text.</summary>
    public string Value => _value ?? throw new InvalidOperationException("An empty DocumentId was used.");

    /// <summary>Reads an id as a person or a URL gives it: surrounding spaces and upper case are forgiven.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, when the text is one.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out DocumentId id)
    {
        var candidate = (text ?? string.Empty).Trim().ToLowerInvariant();
        var valid = candidate.Length == 64 && candidate.All(char.IsAsciiHexDigitLower);
        id = valid ? new DocumentId(candidate) : default;
        return valid;
    }

    /// <summary>The id of a PDF's content, read once in chunks.</summary>
    public static async Task<DocumentId> OfContentAsync(Stream content, CancellationToken cancellationToken) =>
        new(Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken)));

    /// <summary>The id from a finished SHA-256.</summary>
    public static DocumentId FromHash(ReadOnlySpan<byte> sha256) =>
        sha256.Length == SHA256.HashSizeInBytes ? new(Convert.ToHexStringLower(sha256)) : throw new ArgumentException("A SHA-256 is 32 bytes.", nameof(sha256));

    /// <inheritdoc />
    public override string ToString() => Value;
}
