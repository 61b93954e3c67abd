using System.Buffers.Binary;
using System.IO.Hashing;

namespace TimeVision.Core.Estimating.Rendering.Png;

/// <summary>Writes PNG chunks (length, type, data, CRC-32) and counts the bytes written.</summary>
internal sealed class PngChunkWriter(Stream destination)
{
    public long BytesWritten { get; private set; }

    public async ValueTask WriteSignatureAsync(CancellationToken cancellationToken)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        await destination.WriteAsync(signature, cancellationToken);
        BytesWritten += signature.Length;
    }

    public async ValueTask WriteChunkAsync(ReadOnlyMemory<byte> type, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var (prefix, suffix) = Frame(type.Span, data.Span);
        await destination.WriteAsync(prefix, cancellationToken);
        await destination.WriteAsync(data, cancellationToken);
        await destination.WriteAsync(suffix, cancellationToken);
        BytesWritten += prefix.Length + data.Length + suffix.Length;
    }

    /// <summary>The synchronous twin of <see cref="WriteChunkAsync"/>, for callers that write synchronously.</summary>
    public void WriteChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var (prefix, suffix) = Frame(type, data);
        destination.Write(prefix);
        destination.Write(data);
        destination.Write(suffix);
        BytesWritten += prefix.Length + data.Length + suffix.Length;
    }

    /// <summary>The bytes around a chunk's data: length and type before it, the CRC-32 of type and data after it.</summary>
    private static (byte[] Prefix, byte[] Suffix) Frame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var prefix = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(prefix, data.Length);
        type.CopyTo(prefix.AsSpan(4));

        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        var suffix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(suffix, crc.GetCurrentHashAsUInt32());
        return (prefix, suffix);
    }
}
