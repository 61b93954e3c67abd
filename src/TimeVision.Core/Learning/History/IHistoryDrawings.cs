namespace TimeVision.Core.Learning.History;

/// <summary>
/// Where the past drawings of an import are: a folder on this machine (<c>timevision import --drawings</c>) or the
/// <c>history</c> blob container of an Azure deployment, which starts no estimates.
/// </summary>
public interface IHistoryDrawings
{
    /// <summary>What a person calls it in a message (<c>the folder …</c>, <c>the container …</c>).</summary>
    string Description { get; }

    /// <summary>The PDFs' names (<c>*.pdf</c>, any case), in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken);

    /// <summary>A local file with the PDF's bytes (Poppler reads files); dispose it when done.</summary>
    Task<HistoryDrawingFile> OpenAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A PDF on this machine for the time it is read: the file itself, or a temporary copy that disposing deletes.</summary>
/// <param name="Path">The file.</param>
/// <param name="Temporary">Whether disposing deletes it.</param>
public sealed record HistoryDrawingFile(string Path, bool Temporary) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        if (Temporary)
        {
            File.Delete(Path);
        }
    }
}
