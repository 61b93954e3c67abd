using System.Text.Json;

namespace TimeVision.Core.FineTuning;

/// <summary>Fine-tuning jobs as <c>models/jobs/&lt;job id&gt;.json</c> in the data folder.</summary>
public sealed class LocalFineTuneJobStore : IFineTuneJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _folder;

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    public LocalFineTuneJobStore(string dataDirectory) => _folder = Path.Combine(Path.GetFullPath(dataDirectory), "models", "jobs");

    /// <inheritdoc />
    public async Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.JobId.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || job.JobId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{job.JobId}' is not a job id.", nameof(job));
        }

        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{job.JobId}.json");
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(partial, JsonSerializer.SerializeToUtf8Bytes(job, Json), cancellationToken);
        File.Move(partial, path, overwrite: true);
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
