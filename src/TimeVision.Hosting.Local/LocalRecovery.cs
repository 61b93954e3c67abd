using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Storage;

namespace TimeVision.Hosting.Local;

/// <summary>
/// What a host on the local Durable Task engine (whose state dies with the process) does as it starts, before it takes
/// any work: it takes the data folder's lock (<see cref="DataFolderLock"/>), removes the <c>.partial</c> files an
/// earlier process left (<see cref="LeftoverWrites"/>), and resumes the runs a crash interrupted
/// (<see cref="UnfinishedRuns"/>). The lock is held until the host is disposed.
/// </summary>
public sealed partial class LocalRecovery(
    IOptions<StorageOptions> storage, ProcessStart processStart, UnfinishedRuns unfinished, IServiceProvider services, ILogger<LocalRecovery> logger)
    : IHostedService, IDisposable
{
    private DataFolderLock? _lock;

    /// <summary>The documents resumed at start.</summary>
    public IReadOnlyList<string> Resumed { get; private set; } = [];

    /// <summary>
    /// Takes the data folder's lock for <c>serve</c> now, before the host starts (once held, <see cref="StartAsync"/>
    /// keeps it), so a refusal is the command's clear message rather than a failed host start. A command that runs to
    /// its end takes it with <see cref="LockDataFolderAsync"/> instead.
    /// </summary>
    /// <exception cref="DataFolderInUseException">Another process runs documents on the data folder.</exception>
    public void LockDataFolder() => _lock ??= DataFolderLock.Acquire(storage.Value.DataDirectory, DataFolderLock.ServeHolder);

    /// <summary>
    /// Takes the data folder's lock for a command that runs to its end (<c>estimate</c>, <c>retry</c>,
    /// <c>import --estimate-model</c>): while another such command holds it, this one waits its turn (up to
    /// <see cref="CommandPatience"/>), saying so once on <paramref name="notices"/>; a running <c>serve</c> refuses it at once.
    /// </summary>
    /// <param name="command">The command's name.</param>
    /// <param name="notices">Where the wait is announced (stderr).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="DataFolderInUseException"><c>serve</c> holds the folder, or the wait ran out.</exception>
    public async Task LockDataFolderAsync(string command, TextWriter notices, CancellationToken cancellationToken) =>
        _lock ??= await DataFolderLock.WaitAsync(
            storage.Value.DataDirectory,
            command,
            CommandPatience,
            folder => notices.WriteLine($"Waiting for another TimeVision command to finish with the data folder '{folder}'…"),
            TimeProvider.System,
            cancellationToken);

    /// <summary>How long a command waits for another to finish with the data folder.</summary>
    public static TimeSpan CommandPatience { get; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    /// <exception cref="DataFolderInUseException">Another process runs documents on the data folder.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = storage.Value.DataDirectory;
        LockDataFolder();
        var removed = LeftoverWrites.RemoveOlderThan(data, processStart.At);
        if (removed > 0)
        {
            PartialFilesRemoved(logger, removed);
        }

        // The client is asked for only now: the engine it talks to starts after the host is built.
        Resumed = await unfinished.ResumeAllAsync(services.GetRequiredService<DurableTaskClient>(), cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _lock?.Dispose();

    [LoggerMessage(EventId = 9300, Level = LogLevel.Information, Message = "Removed {Count} unfinished write(s) (.partial files) an earlier process left in the data folder")]
    private static partial void PartialFilesRemoved(ILogger logger, int count);
}
