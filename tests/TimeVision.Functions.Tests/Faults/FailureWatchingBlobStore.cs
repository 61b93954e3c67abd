using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Storage;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// The app's blob store as registered, watched: it tells a test when a blob operation first failed (after the storage
/// client's own retries), so the test can end an outage once the pipeline has felt it rather than after a guessed time;
/// and it can hold the operations that come after that failure (an activity's retry) until the test has ended the outage.
/// </summary>
internal sealed class FailureWatchingBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly TaskCompletionSource _firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failures;
    private Task _resume = Task.CompletedTask;

    /// <summary>Completes when an operation first fails.</summary>
    public Task FirstFailure => _firstFailure.Task;

    /// <summary>How many operations failed.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>
    /// Makes every operation that starts after the first failure wait for <paramref name="resume"/> before it reaches
    /// storage: a retry then meets storage only once the outage has ended, however long the service takes to start again.
    /// </summary>
    public void HoldAfterFirstFailureUntil(Task resume) => _resume = resume;

    /// <summary>Puts a watched store in place of the one <paramref name="services"/> registers, built as the app builds it.</summary>
    public static void Replace(IServiceCollection services, Action<FailureWatchingBlobStore> created)
    {
        var registered = services.Last(service => service.ServiceType == typeof(IBlobStore));
        var build = registered.ImplementationFactory ?? throw new InvalidOperationException("The blob store is not registered with a factory.");
        services.AddSingleton<IBlobStore>(provider =>
        {
            var watched = new FailureWatchingBlobStore((IBlobStore)build(provider));
            created(watched);
            return watched;
        });
    }

    public Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken) =>
        WatchAsync(() => inner.UploadAsync(blob, content, cancellationToken));

    public Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken) =>
        WatchAsync(() => inner.DownloadToAsync(blob, destination, cancellationToken));

    public Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken) =>
        WatchAsync(() => inner.ExistsAsync(blob, cancellationToken));

    private async Task WatchAsync(Func<Task> operation) => await WatchAsync(async () =>
    {
        await operation();
        return true;
    });

    private async Task<T> WatchAsync<T>(Func<Task<T>> operation)
    {
        if (_firstFailure.Task.IsCompleted)
        {
            await _resume;
        }

        try
        {
            return await operation();
        }
        catch
        {
            Interlocked.Increment(ref _failures);
            _firstFailure.TrySetResult();
            throw;
        }
    }
}
