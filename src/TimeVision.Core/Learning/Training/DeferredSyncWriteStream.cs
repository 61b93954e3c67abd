namespace TimeVision.Core.Learning.Training;

/// <summary>
/// A forward-only stream over a destination that takes asynchronous writes only (an ASP.NET Core response body):
/// synchronous writes, which <see cref="System.IO.Compression.ZipArchive"/> makes when it closes an entry, are held in
/// memory and sent ahead of the next asynchronous write or flush. What is held is small: an entry's last deflate block
/// and its data descriptor.
/// </summary>
/// <param name="destination">Where the bytes go.</param>
internal sealed class DeferredSyncWriteStream(Stream destination) : Stream
{
    private readonly MemoryStream _held = new();

    public override bool CanRead => false;

    // Not seekable, so the archive writes sizes after each entry's data rather than seeking back for them.
    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _held.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _held.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await destination.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>Nothing to do: held bytes wait for the next asynchronous write or flush.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        if (_held.Length > 0)
        {
            await destination.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
            _held.SetLength(0);
        }
    }
}
