using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Checklist;

/// <summary>
/// Checklists as <c>checklists/&lt;document id&gt;.json</c> in the data folder. The concurrency token is a hash of the
/// stored bytes; saves of one document take turns in this process.
/// </summary>
/// <param name="dataDirectory">The data folder.</param>
public sealed class LocalChecklistStore(string dataDirectory) : IChecklistStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _folder = Path.Combine(Path.GetFullPath(dataDirectory), "checklists");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<DocumentChecklist?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var path = PathOf(documentId);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var checklist = JsonSerializer.Deserialize<DocumentChecklist>(bytes, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return checklist with { ETag = TokenOf(bytes) };
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(DocumentChecklist checklist, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var path = PathOf(checklist.DocumentId);
        var gate = _locks.GetOrAdd(checklist.DocumentId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = File.Exists(path) ? TokenOf(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
            if (current != ifMatch)
            {
                throw new ConcurrencyConflictException($"The checklist of {checklist.DocumentId} changed since it was read.");
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(checklist with { ETag = null }, Json);
            await AtomicFile.WriteAsync(path, bytes, AtomicFile.Create, cancellationToken);
            return TokenOf(bytes);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string TokenOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    private string PathOf(string documentId) =>
        DocumentId.TryParse(documentId, out var id) ? Path.Combine(_folder, $"{id.Value}.json") : throw new ArgumentException($"'{documentId}' is not a document id.", nameof(documentId));
}
