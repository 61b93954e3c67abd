namespace TimeVision.Testing;

/// <summary>
/// A disk with only <paramref name="freeBytes"/> left, for the local stores' file seam: each file it creates is a real
/// file that takes bytes until the space is gone; the next write then goes to <c>/dev/full</c>, so the error is the
/// operating system's own "no space left on device" (ENOSPC), not one made up here. Linux only.
/// </summary>
/// <param name="freeBytes">The bytes all files together may take.</param>
public sealed class NearlyFullDisk(long freeBytes)
{
    private long _free = freeBytes;

    /// <summary>Whether this machine has <c>/dev/full</c> (Linux).</summary>
    public static bool IsAvailable => File.Exists("/dev/full");

    /// <summary>Creates a file at <paramref name="path"/> on this disk.</summary>
    public Stream Create(string path) => new FileOnDisk(this, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true));

    private sealed class FileOnDisk(NearlyFullDisk disk, FileStream file) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var fits = (int)Math.Min(buffer.Length, Math.Max(0, Interlocked.Read(ref disk._free)));
            Interlocked.Add(ref disk._free, -fits);
            await file.WriteAsync(buffer[..fits], cancellationToken);
            await file.FlushAsync(cancellationToken);
            if (fits < buffer.Length)
            {
                await using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, useAsync: false);
                full.Write(buffer.Span[fits..]);
                full.Flush();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
