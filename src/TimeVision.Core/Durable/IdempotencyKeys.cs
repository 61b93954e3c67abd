namespace TimeVision.Core.Durable;

/// <summary>The <c>Idempotency-Key</c> a caller sends so that a repeated request starts one durable run, not two.</summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="key"/> is a usable idempotency key: 1–128 printable ASCII characters.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= MaxLength } && key.All(c => c is >= ' ' and <= '~');
}
