using TimeVision.Core.Storage;

namespace TimeVision.Core.Pipeline;

/// <summary>A blob copied to a temporary file (Poppler reads files), deleted on dispose.</summary>
internal sealed class LocalCopy : IDisposable
{
    private LocalCopy(string path) => Path = path;

    public string Path { get; }

    public static async Task<LocalCopy> DownloadAsync(IBlobStore blobs, BlobReference blob, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"timevision-{Guid.NewGuid():N}.pdf");
        await using (var file = File.Create(path))
        {
            if (!await blobs.DownloadToAsync(blob, file, cancellationToken))
            {
                throw new InvalidOperationException($"The PDF {blob} is missing from storage.");
            }
        }

        return new LocalCopy(path);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless; the OS cleans its temp folder.
        }
    }
}
