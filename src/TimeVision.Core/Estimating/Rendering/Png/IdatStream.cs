namespace TimeVision.Core.Estimating.Rendering.Png;

/// <summary>
/// A write-only stream that cuts the zlib data it receives into <c>IDAT</c> chunks of a fixed size,
/// so an image of any size is encoded with constant memory.
/// </summary>
internal sealed class IdatStream(PngChunkWriter chunks) : Stream
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] IdatType = "IDAT"u8.ToArray();

    private readonly byte[] _buffer = new byte[ChunkSize];
    private int _filled;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            buffer = buffer[Fill(buffer.Span)..];
            if (_filled == ChunkSize)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            buffer = buffer[Fill(buffer)..];
            if (_filled == ChunkSize)
            {
                Flush();
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await chunks.WriteChunkAsync(IdatType, _buffer.AsMemory(0, _filled), cancellationToken);
            _filled = 0;
        }
    }

    public override void Flush()
    {
        if (_filled > 0)
        {
            chunks.WriteChunk(IdatType, _buffer.AsSpan(0, _filled));
            _filled = 0;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Copies as much of <paramref name="data"/> as the current chunk has room for; returns how much.</summary>
    private int Fill(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(data.Length, ChunkSize - _filled);
        data[..take].CopyTo(_buffer.AsSpan(_filled));
        _filled += take;
        return take;
    }
}
