using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TimeVision.Core.Estimating.Pipeline;

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
