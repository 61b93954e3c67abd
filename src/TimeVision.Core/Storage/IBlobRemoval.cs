namespace TimeVision.Core.Storage;

/// <summary>Removes blobs: what purging a deleted document's drawing and page images needs, kept apart from <see cref="IBlobStore"/>'s reads and writes.</summary>
public interface IBlobRemoval
{
    /// <summary>Removes a blob; <see langword="false"/> when it was not there.</summary>
    Task<bool> DeleteAsync(BlobReference blob, CancellationToken cancellationToken);
}
