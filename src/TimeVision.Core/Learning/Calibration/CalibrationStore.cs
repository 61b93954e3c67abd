using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// Calibrations as versioned JSON blobs: <c>calibrations/&lt;model key&gt;/&lt;version&gt;.json</c> for every one trained,
/// and <c>current.json</c> beside them for the one in use (Azure Blob Storage, or the data folder's blobs on one machine);
/// the engine's factors per operation likewise, under <see cref="ModelIds.Engine"/>.
/// </summary>
/// <param name="blobs">Where calibrations are stored.</param>
public sealed class CalibrationStore(IBlobStore blobs)
{
    /// <summary>The blob container.</summary>
    public const string Container = "calibrations";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Stores <paramref name="calibration"/> as its version and as the model's current one.</summary>
    public Task SaveAsync(CalibrationArtefact calibration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return SaveAsync(calibration.Model, calibration.Version, calibration, cancellationToken);
    }

    /// <summary>The model's current calibration, or <see langword="null"/> when none was trained.</summary>
    public Task<CalibrationArtefact?> CurrentAsync(string model, CancellationToken cancellationToken) => ReadAsync<CalibrationArtefact>(Current(model), cancellationToken);

    /// <summary>Stores the engine's <paramref name="calibration"/> as its version and as the current one (under <see cref="ModelIds.Engine"/>).</summary>
    public Task SaveEngineAsync(EngineCalibration calibration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return SaveAsync(ModelIds.Engine, calibration.Version, calibration, cancellationToken);
    }

    /// <summary>The engine's current calibration, or <see langword="null"/> when none was trained.</summary>
    public Task<EngineCalibration?> CurrentEngineAsync(CancellationToken cancellationToken) => ReadAsync<EngineCalibration>(Current(ModelIds.Engine), cancellationToken);

    /// <summary>A blob-safe folder name for a model id (ids such as <c>ft:gpt-4o:org::abc</c> hold colons): a readable prefix and a hash.</summary>
    public static string KeyOf(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var readable = new string([.. model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(40)]);
        return $"{readable}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..8]}";
    }

    private static BlobReference Current(string model) => new(Container, $"{KeyOf(model)}/current.json");

    private async Task SaveAsync<T>(string model, string version, T calibration, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(calibration, Json);
        await blobs.UploadAsync(new BlobReference(Container, $"{KeyOf(model)}/{version}.json"), new MemoryStream(bytes), cancellationToken);
        await blobs.UploadAsync(Current(model), new MemoryStream(bytes), cancellationToken);
    }

    private async Task<T?> ReadAsync<T>(BlobReference reference, CancellationToken cancellationToken)
        where T : class
    {
        using var json = new MemoryStream();
        return await blobs.DownloadToAsync(reference, json, cancellationToken)
            ? JsonSerializer.Deserialize<T>(json.GetBuffer().AsSpan(0, (int)json.Length), Json)
            : null;
    }
}
