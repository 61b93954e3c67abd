using System.Security.Cryptography;
using System.Text.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Vision.Registry;

/// <summary>The model registry as <c>models/registry.json</c> in the data folder.</summary>
public sealed class LocalModelRegistry : IModelRegistry, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the registry.</summary>
    /// <param name="dataDirectory">The data folder.</param>
#pragma warning disable IDE0290 // It keeps the file path it derives, not the folder it is given.
    public LocalModelRegistry(string dataDirectory) => _path = Path.Combine(Path.GetFullPath(dataDirectory), "models", "registry.json");
#pragma warning restore IDE0290

    /// <inheritdoc />
    public async Task<ModelRegistryState> GetAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return new ModelRegistryState();
        }

        var bytes = await File.ReadAllBytesAsync(_path, cancellationToken);
        return (JsonSerializer.Deserialize<ModelRegistryState>(bytes, Json) ?? new ModelRegistryState()) with { ETag = TokenOf(bytes) };
    }

    /// <inheritdoc />
    public async Task SaveAsync(ModelRegistryState state, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (ifMatch is not null && (await GetAsync(cancellationToken)).ETag != ifMatch)
            {
                throw new ConcurrencyConflictException("The model registry changed since it was read.");
            }

            await AtomicFile.WriteAsync(_path, JsonSerializer.SerializeToUtf8Bytes(state with { ETag = null }, Json), AtomicFile.Create, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static string TokenOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
}
