using System.IO.Compression;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// An export written as the entries of a zip streamed to <c>destination</c> (a response body), each entry straight
/// into the archive as it is produced: the caller receives the first example while later ones are still being read,
/// and nothing is written to disk. PNG files are stored as they are (compressed already); the rest is deflated. The
/// archive is whole only after <see cref="CompleteAsync"/>; an export that fails before then leaves an archive with no
/// central directory, which no unzip tool takes for whole (disposing the sink without completing it keeps it so).
/// </summary>
public sealed class ZipExportSink : IExportSink, IAsyncDisposable
{
    private readonly DeferredSyncWriteStream _output;
    private readonly ZipArchive _zip;

    /// <summary>Creates the sink and its archive.</summary>
    /// <param name="destination">Where the zip goes; written forward only and asynchronously, as a response body wants.</param>
    public ZipExportSink(Stream destination)
    {
        _output = new DeferredSyncWriteStream(destination);
        _zip = new ZipArchive(_output, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>Whether an entry has been created: from then on bytes may have reached the destination.</summary>
    public bool HasStarted { get; private set; }

    /// <inheritdoc />
    public async Task<Stream> CreateAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        HasStarted = true;

        // The archive closes an entry with synchronous writes (its end and data descriptor): send them on first.
        await _output.FlushAsync(cancellationToken);
        var level = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        return await _zip.CreateEntry(name, level).OpenAsync(cancellationToken);
    }

    /// <summary>Ends the archive with its central directory and sends what is left.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _zip.DisposeAsync();
        await _output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Lets go of the destination. An archive not completed stays without its central directory: closing it would
    /// write one, and a zip that looks whole.
    /// </summary>
    public ValueTask DisposeAsync() => _output.DisposeAsync();
}
