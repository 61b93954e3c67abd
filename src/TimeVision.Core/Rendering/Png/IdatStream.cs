namespace TimeVision.Core.Rendering.Png;

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
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer[..take].CopyTo(_buffer.AsMemory(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await chunks.WriteChunkAsync(IdatType, _buffer.AsMemory(0, _filled), cancellationToken);
            _filled = 0;
        }
    }

    // ZLibStream writes through WriteAsync; the synchronous members exist only because Stream demands them.
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
