using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// Calibrations as versioned JSON blobs: <c>calibrations/&lt;model key&gt;/&lt;version&gt;.json</c> for every one trained,
/// and <c>current.json</c> beside them for the one in use (Azure Blob Storage, or the data folder's blobs on one machine).
/// </summary>
/// <param name="blobs">Where calibrations are stored.</param>
public sealed class CalibrationStore(IBlobStore blobs)
{
    /// <summary>The blob container.</summary>
    public const string Container = "calibrations";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Stores <paramref name="calibration"/> as its version and as the model's current one.</summary>
    public async Task SaveAsync(CalibrationArtefact calibration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(calibration, Json);
        await blobs.UploadAsync(new BlobReference(Container, $"{KeyOf(calibration.Model)}/{calibration.Version}.json"), new MemoryStream(bytes), cancellationToken);
        await blobs.UploadAsync(Current(calibration.Model), new MemoryStream(bytes), cancellationToken);
    }

    /// <summary>The model's current calibration, or <see langword="null"/> when none was trained.</summary>
    public async Task<CalibrationArtefact?> CurrentAsync(string model, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream();
        return await blobs.DownloadToAsync(Current(model), json, cancellationToken)
            ? JsonSerializer.Deserialize<CalibrationArtefact>(json.GetBuffer().AsSpan(0, (int)json.Length), Json)
            : null;
    }

    /// <summary>A blob-safe folder name for a model id (ids such as <c>ft:gpt-4o:org::abc</c> hold colons): a readable prefix and a hash.</summary>
    public static string KeyOf(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var readable = new string([.. model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(40)]);
        return $"{readable}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..8]}";
    }

    private static BlobReference Current(string model) => new(Container, $"{KeyOf(model)}/current.json");
}
