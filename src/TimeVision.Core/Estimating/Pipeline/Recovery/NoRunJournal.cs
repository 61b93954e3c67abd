using System.Runtime.CompilerServices;

namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// Records nothing: the default, for the Functions app, whose Durable Functions engine keeps every run's state in Azure
/// Storage and carries it over a restart by itself.
/// </summary>
public sealed class NoRunJournal : IRunJournal
{
    /// <inheritdoc />
    public Task RecordAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<RunRecord?> GetAsync(string documentId, CancellationToken cancellationToken) => Task.FromResult<RunRecord?>(null);

    /// <inheritdoc />
    public async IAsyncEnumerable<RunRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string documentId, CancellationToken cancellationToken) => Task.CompletedTask;
}
