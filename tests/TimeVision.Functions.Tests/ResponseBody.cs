namespace TimeVision.Functions.Tests;

/// <summary>
/// A response body as Kestrel gives one: written forward only, never sought, and asynchronously only (synchronous
/// writes throw, as they do with <c>AllowSynchronousIO</c> off). Keeps what it was sent.
/// </summary>
internal sealed class ResponseBody : Stream
{
    private readonly MemoryStream _received = new();

    /// <summary>How many bytes have arrived so far.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    private long _bytesReceived;

    /// <summary>Everything received, as a stream to read.</summary>
    public MemoryStream Received => new(_received.ToArray(), writable: false);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _received.WriteAsync(buffer, cancellationToken);
        Interlocked.Add(ref _bytesReceived, buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Write(byte[] buffer, int offset, int count) => throw SynchronousIO();

    public override void Flush() => throw SynchronousIO();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _received.Dispose();
        }

        base.Dispose(disposing);
    }

    private static InvalidOperationException SynchronousIO() =>
        new("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
}
