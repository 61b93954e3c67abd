namespace TimeVision.Core.Storage;

/// <summary>Blobs as files under a data folder: <c>&lt;root&gt;/&lt;container&gt;/&lt;name&gt;</c>. The default on one machine.</summary>
public sealed class LocalBlobStore : IBlobStore, IBlobRemoval
{
    private readonly string _root;
    private readonly Func<string, Stream> _create;

    /// <summary>Creates the store.</summary>
    /// <param name="root">The folder that holds one subfolder per container.</param>
    public LocalBlobStore(string root)
        : this(root, AtomicFile.Create)
    {
    }

    /// <summary>Creates the store with its own way to create files (tests: a disk with little space left).</summary>
    internal LocalBlobStore(string root, Func<string, Stream> create)
    {
        _root = Path.GetFullPath(root);
        _create = create;
    }

    /// <inheritdoc />
    public Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return AtomicFile.WriteAsync(PathOf(blob), content.CopyToAsync, _create, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken)
    {
        var path = PathOf(blob);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var file = File.OpenRead(path);
        await file.CopyToAsync(destination, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(BlobReference blob, CancellationToken cancellationToken)
    {
        var path = PathOf(blob);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(blob)));

    private string PathOf(BlobReference blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var path = Path.GetFullPath(Path.Combine(_root, blob.Container, blob.Name));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"Blob '{blob}' points outside the data folder.", nameof(blob));
    }
}
