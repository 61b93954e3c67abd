using System.Runtime.CompilerServices;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// Recorded runs as small JSON files in the data folder, <c>runs/&lt;documentId&gt;.json</c>, each written whole or
/// not at all (a <c>.partial</c> file renamed into place).
/// </summary>
/// <param name="dataDirectory">The data folder; records go to its <c>runs</c> subfolder.</param>
public sealed class LocalRunJournal(string dataDirectory) : IRunJournal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _root = Path.Combine(Path.GetFullPath(dataDirectory), "runs");

    /// <inheritdoc />
    public async Task RecordAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = PathOf(run.DocumentId);
        Directory.CreateDirectory(_root);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(partial, JsonSerializer.SerializeToUtf8Bytes(run, Json), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var path = PathOf(documentId);
        return File.Exists(path) ? await ReadAsync(path, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RunRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(_root, "*.json").Order(StringComparer.Ordinal))
        {
            if (DocumentId.TryParse(Path.GetFileNameWithoutExtension(path), out _) && await ReadAsync(path, cancellationToken) is { } run)
            {
                yield return run;
            }
        }
    }

    /// <inheritdoc />
    public Task RemoveAsync(string documentId, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(documentId));
        return Task.CompletedTask;
    }

    private static async Task<RunRecord?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(await File.ReadAllBytesAsync(path, cancellationToken), Json);
        }
        catch (FileNotFoundException)
        {
            return null; // removed by the run's save step meanwhile
        }
        catch (JsonException)
        {
            File.Delete(path); // records are written whole or not at all; one that cannot be read cannot be resumed either
            return null;
        }
    }

    private string PathOf(string documentId) => DocumentId.TryParse(documentId, out var id)
        ? Path.Combine(_root, id.Value + ".json")
        : throw new ArgumentException($"'{documentId}' is not a document id.", nameof(documentId));
}
