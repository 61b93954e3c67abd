namespace TimeVision.Core.Learning.Training;

/// <summary>
/// Where a training export's files go, one file at a time: a folder (<see cref="FolderExportSink"/>: the CLI, a
/// fine-tuning start) or the entries of a zip streamed to a caller as they are written (<see cref="ZipExportSink"/>:
/// the HTTP export). The exporter writes the same bytes to either.
/// </summary>
public interface IExportSink
{
    /// <summary>
    /// Creates the file <paramref name="name"/> (a path relative to the export, <c>/</c>-separated, e.g.
    /// <c>images/…png</c>) and returns a stream to write it. Dispose the stream before creating the next file.
    /// </summary>
    Task<Stream> CreateAsync(string name, CancellationToken cancellationToken);
}
