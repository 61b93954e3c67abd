using System.Text.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The history index as one JSON file, <c>history/index.json</c> in the data folder. A change rewrites the file under
/// an exclusive lock on a lock file beside it, so two <c>timevision</c> processes on one PC take turns; readers see the
/// old or the new file whole (it is replaced atomically).
/// </summary>
public sealed class LocalHistoryStore : IHistoryStore, IDisposable
{
    private const int LockAttempts = 250;
    private static readonly TimeSpan LockWait = TimeSpan.FromMilliseconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _folder;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder; the index goes to its <c>history</c> subfolder.</param>
#pragma warning disable IDE0290 // It keeps the folder it derives, not the one it is given.
    public LocalHistoryStore(string dataDirectory) => _folder = Path.Combine(Path.GetFullPath(dataDirectory), "history");
#pragma warning restore IDE0290

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private string IndexPath => Path.Combine(_folder, "index.json");

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(IndexPath))
        {
            return [];
        }

        await using var file = new FileStream(IndexPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return await JsonSerializer.DeserializeAsync<List<HistoryEntry>>(file, Json, cancellationToken) ?? [];
    }

    /// <inheritdoc />
    public async Task ReplaceAsync(string documentId, IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Directory.CreateDirectory(_folder);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var held = await LockAsync(cancellationToken);
            var kept = (await ListAsync(cancellationToken)).Where(e => e.DocumentId != documentId).Concat(entries)
                .OrderBy(e => e.DocumentId, StringComparer.Ordinal).ThenBy(e => e.Part).ToList();
            await AtomicFile.WriteAsync(IndexPath, JsonSerializer.SerializeToUtf8Bytes(kept, Json), AtomicFile.Create, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(Path.Combine(_folder, "index.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                await Task.Delay(LockWait, cancellationToken); // another process is writing the index
            }
        }
    }
}
