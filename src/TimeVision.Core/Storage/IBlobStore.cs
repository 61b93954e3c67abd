namespace TimeVision.Core.Storage;

/// <summary>Stores uploaded PDFs and rendered page images.</summary>
public interface IBlobStore
{
    /// <summary>Writes (or overwrites) a blob from a stream.</summary>
    Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken);

    /// <summary>Copies a blob into <paramref name="destination"/>; <see langword="false"/> when it does not exist.</summary>
    Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken);

    /// <summary>Whether a blob exists.</summary>
    Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken);
}
