using TimeVision.Core.Storage;

namespace TimeVision.Hosting.Local.Tests;

/// <summary>A blob store whose downloads hold until cancelled, handing the test the token each was given.</summary>
internal sealed class HeldBlobStore : IBlobStore
{
    /// <summary>Set to the first download's token once it is held.</summary>
    public TaskCompletionSource<CancellationToken> Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken)
    {
        Held.TrySetResult(cancellationToken);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => release.TrySetCanceled(cancellationToken)))
        {
            return await release.Task;
        }
    }

    public Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken) => Task.FromResult(false);
}
