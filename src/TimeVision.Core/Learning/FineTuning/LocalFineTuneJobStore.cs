using System.Text.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// Fine-tuning jobs as <c>models/jobs/&lt;job id&gt;.json</c> in the data folder, and the progress of durable starts as
/// <c>models/starts/&lt;start id&gt;.json</c>.
/// </summary>
public sealed class LocalFineTuneJobStore : IFineTuneJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _folder;
    private readonly string _starts;

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    public LocalFineTuneJobStore(string dataDirectory)
    {
        var models = Path.Combine(Path.GetFullPath(dataDirectory), "models");
        _folder = Path.Combine(models, "jobs");
        _starts = Path.Combine(models, "starts");
    }

    /// <inheritdoc />
    public Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return WriteAsync(PathOf(_folder, job.JobId, nameof(job)), job, cancellationToken);
    }

    /// <inheritdoc />
    public Task<FineTuneJob?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        ReadAsync<FineTuneJob>(PathOf(_folder, jobId, nameof(jobId)), cancellationToken);

    /// <inheritdoc />
    public Task SaveStartAsync(StoredFineTuneStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return WriteAsync(PathOf(_starts, start.StartId, nameof(start)), start, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredFineTuneStart?> GetStartAsync(string startId, CancellationToken cancellationToken) =>
        ReadAsync<StoredFineTuneStart>(PathOf(_starts, startId, nameof(startId)), cancellationToken);

    private static string PathOf(string folder, string id, string parameter)
    {
        if (id.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{id}' is not an id.", parameter);
        }

        return Path.Combine(folder, $"{id}.json");
    }

    private static Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, Json), AtomicFile.Create, cancellationToken);

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(file, Json, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var jobs = new List<FineTuneJob>();
        foreach (var path in Directory.EnumerateFiles(_folder, "*.json"))
        {
            await using var file = File.OpenRead(path);
            jobs.Add(await JsonSerializer.DeserializeAsync<FineTuneJob>(file, Json, cancellationToken)
                ?? throw new InvalidDataException($"{path} holds no job."));
        }

        return [.. jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.JobId, StringComparer.Ordinal)];
    }
}
