using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>
/// The shop's cutting data: the shipped defaults with an override merged over them (<see cref="PlanningData.Merge{T}(string, JsonObject, string)"/>),
/// the newest one an admin stored, else the data folder's <c>cutting-data.json</c>, else none. Storing makes a new
/// version (<c>shop-N</c>, with who and when), guarded by the version the caller read; going back to the defaults is
/// a version too. This is the <see cref="ICuttingDataSource"/> stored estimates are planned with.
/// </summary>
/// <param name="store">The stored versions.</param>
/// <param name="storage">Where the data folder (and its <c>cutting-data.json</c>) is.</param>
/// <param name="time">When a version is stored.</param>
public sealed class ShopCuttingDataService(ICuttingDataStore store, IOptions<StorageOptions> storage, TimeProvider time) : ICuttingDataSource
{
    /// <summary>The version prefix of overrides an admin stored: <c>shop-1</c>, <c>shop-2</c>, ….</summary>
    public const string StoredVersionPrefix = "shop-";

    private const string StoredName = "cutting-data";

    private Merged? _lastMerged;

    /// <summary>The concurrency token of stored version <paramref name="number"/> (0: none stored): <c>"N"</c>, an HTTP entity tag.</summary>
    /// <param name="number">The version number.</param>
    public static string ETagOf(int number) => string.Create(CultureInfo.InvariantCulture, $"\"{number}\"");

    /// <summary>The cutting data in use: the defaults with the stored override, else with the data folder's, else alone.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<CuttingDataRead> CurrentAsync(CancellationToken cancellationToken) => await ReadAsync(await store.LatestAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Stores <paramref name="overrideJson"/> (the override file's contract; its <c>version</c> is set here) as the next
    /// version, if it merges over the defaults and the newest stored version is still the one <paramref name="ifMatch"/> names.
    /// </summary>
    /// <param name="overrideJson">The override.</param>
    /// <param name="ifMatch">The <c>ETag</c> of the version the caller read (<c>"0"</c> when none was stored).</param>
    /// <param name="by">Who, as the host vouches for the caller.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<CuttingDataSetResult> SetAsync(string overrideJson, string? ifMatch, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overrideJson);
        var parsed = PlanningData.ParseOverride(overrideJson, StoredName);
        if (parsed.Value is not { } values)
        {
            return new CuttingDataSetResult(CuttingDataSetOutcome.Invalid, null, parsed.Error);
        }

        values.Remove("version");
        if (MergeOver(values, $"{StoredVersionPrefix}next").Error is { } invalid)
        {
            return new CuttingDataSetResult(CuttingDataSetOutcome.Invalid, null, invalid);
        }

        return await AddAsync(values, ifMatch, by, cancellationToken);
    }

    /// <summary>Goes back to the defaults (with the data folder's file, if it has one) as the next version, guarded as <see cref="SetAsync"/> is.</summary>
    /// <param name="ifMatch">The <c>ETag</c> of the version the caller read.</param>
    /// <param name="by">Who, as the host vouches for the caller.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public Task<CuttingDataSetResult> ResetAsync(string? ifMatch, string? by, CancellationToken cancellationToken) => AddAsync(null, ifMatch, by, cancellationToken);

    /// <inheritdoc />
    async Task<InputFileResult<CuttingDataTable>> ICuttingDataSource.CurrentAsync(CancellationToken cancellationToken)
    {
        var read = await CurrentAsync(cancellationToken);
        return read.InUse is { } inUse ? InputFileResult<CuttingDataTable>.Success(inUse.CuttingData) : InputFileResult<CuttingDataTable>.Failure(read.Error!.Code, read.Error.Message);
    }

    private async Task<CuttingDataSetResult> AddAsync(JsonObject? values, string? ifMatch, string? by, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(cancellationToken);
        if (Stale(latest, ifMatch) is { } stale)
        {
            return new CuttingDataSetResult(CuttingDataSetOutcome.Stale, null, new InputFileError("stale_token", stale));
        }

        var number = (latest?.Number ?? 0) + 1;
        var stored = new CuttingDataOverride
        {
            Version = string.Create(CultureInfo.InvariantCulture, $"{StoredVersionPrefix}{number}"), Values = values, SetBy = by, SetAt = time.GetUtcNow(),
        };
        try
        {
            await store.AddAsync(number, stored, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new CuttingDataSetResult(
                CuttingDataSetOutcome.Stale, null, new InputFileError("stale_token", "Another admin stored cutting data at the same moment; read it again and resend."));
        }

        return new CuttingDataSetResult(CuttingDataSetOutcome.Saved, await ReadAsync(new StoredVersion<CuttingDataOverride>(number, stored), cancellationToken), null);
    }

    private async Task<CuttingDataRead> ReadAsync(StoredVersion<CuttingDataOverride>? latest, CancellationToken cancellationToken)
    {
        var etag = ETagOf(latest?.Number ?? 0);
        if (latest?.Value is { Values: { } values } stored)
        {
            var merged = StoredMerge(latest.Number, values, stored.Version);
            return merged.Value is { } table
                ? new CuttingDataRead(new CuttingDataInUse(table.Version, CuttingDataInUse.FromStore, stored, table), etag, null)
                : new CuttingDataRead(null, etag, merged.Error);
        }

        var dataDirectory = storage.Value.DataDirectory;
        var fromFolder = File.Exists(Path.Combine(dataDirectory, PlanningData.CuttingDataFileName));
        var loaded = await PlanningData.LoadCuttingDataAsync(null, dataDirectory, cancellationToken);
        return loaded.Value is { } folderTable
            ? new CuttingDataRead(
                new CuttingDataInUse(folderTable.Version, fromFolder ? CuttingDataInUse.FromDataFolder : CuttingDataInUse.FromDefaults, latest?.Value, folderTable), etag, null)
            : new CuttingDataRead(null, etag, loaded.Error);
    }

    /// <summary>A stored version's merge, kept for the next plan: a version never changes, so its number is its key.</summary>
    private InputFileResult<CuttingDataTable> StoredMerge(int number, JsonObject values, string version)
    {
        if (_lastMerged is { } last && last.Number == number)
        {
            return InputFileResult<CuttingDataTable>.Success(last.Table);
        }

        var merged = MergeOver(values, version);
        if (merged.Value is { } table)
        {
            _lastMerged = new Merged(number, table);
        }

        return merged;
    }

    private static InputFileResult<CuttingDataTable> MergeOver(JsonObject values, string version)
    {
        var overlay = (JsonObject)values.DeepClone();
        overlay["version"] = version;
        return PlanningData.Merge<CuttingDataTable>(PlanningData.CuttingDataFileName, overlay, StoredName);
    }

    private static string? Stale(StoredVersion<CuttingDataOverride>? latest, string? ifMatch)
    {
        var current = ETagOf(latest?.Number ?? 0);
        var tag = ifMatch?.Trim().Replace("W/", string.Empty, StringComparison.Ordinal);
        var what = latest is null ? "no override is stored (ETag \"0\")" : $"{latest.Value.Version} is stored (ETag {current})";
        return string.IsNullOrEmpty(tag) ? $"Name the version this changes: {what}; read the cutting data and send its ETag in If-Match."
            : tag == current ? null
            : $"The cutting data changed since it was read: {what}; read it again and resend.";
    }

    private sealed record Merged(int Number, CuttingDataTable Table);
}
