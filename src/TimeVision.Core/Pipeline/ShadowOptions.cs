using System.Buffers.Binary;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace TimeVision.Core.Pipeline;

/// <summary>
/// Shadow mode, bound from the <c>Shadow</c> section: a challenger model also estimates a share of the documents; its
/// result is stored beside the primary's, never shown as the answer and never exported for training.
/// </summary>
public sealed class ShadowOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shadow";

    /// <summary>The challenger model; empty turns shadow mode off.</summary>
    public string? Model { get; set; }

    /// <summary>The share of documents (0–100 %) the challenger also estimates.</summary>
    [Range(0, 100)]
    public double Percent { get; set; }

    /// <summary>The challenger for a document, or <see langword="null"/> when it is not sampled (or shadow mode is off).</summary>
    public string? ChallengerFor(string documentId, string primaryModel) =>
        !string.IsNullOrWhiteSpace(Model) && Model != primaryModel && ShadowSampler.IsSampled(documentId, Percent) ? Model : null;
}

/// <summary>Deterministic sampling by document id (the PDF's hash): re-uploading a document never re-rolls its draw.</summary>
public static class ShadowSampler
{
    /// <summary>Whether the document falls in the sampled <paramref name="percent"/> %.</summary>
    public static bool IsSampled(string documentId, double percent)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        if (percent <= 0)
        {
            return false;
        }

        // A salt keeps this draw independent of the training split, which also hashes the document id.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"shadow:{documentId}"));
        return BinaryPrimitives.ReadUInt32BigEndian(hash) % 10_000 < percent * 100;
    }
}
