using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>
/// The cutting data plans use, the contract of <c>GET /api/cutting-data</c> and <c>timevision cutting-data show --json</c>
/// (camelCase): its version, where the override over the shipped values comes from, the override an admin stored
/// (with who and when), and the merged table.
/// </summary>
/// <param name="Version">The version every plan records: the defaults', or <c>&lt;defaults&gt;+&lt;override&gt;</c>.</param>
/// <param name="Origin">Where the override comes from: <c>stored</c>, <c>data_folder</c> or <c>defaults</c> (none).</param>
/// <param name="Stored">The newest stored version, when an admin stored one (also when it went back to the defaults).</param>
/// <param name="CuttingData">The merged table.</param>
public sealed record CuttingDataInUse(string Version, string Origin, CuttingDataOverride? Stored, CuttingDataTable CuttingData)
{
    /// <summary>The override an admin stored is in use.</summary>
    public const string FromStore = "stored";

    /// <summary>The data folder's <c>cutting-data.json</c> is in use (none stored).</summary>
    public const string FromDataFolder = "data_folder";

    /// <summary>The shipped values alone are in use.</summary>
    public const string FromDefaults = "defaults";
}

/// <summary>The cutting data in use, or why it cannot be read.</summary>
/// <param name="InUse">The cutting data, when it could be read.</param>
/// <param name="ETag">The concurrency token of the newest stored version (<c>"0"</c> when none is stored), for <c>If-Match</c>.</param>
/// <param name="Error">Why not: the override in use was rejected.</param>
public sealed record CuttingDataRead(CuttingDataInUse? InUse, string ETag, InputFileError? Error);

/// <summary>How storing a cutting-data override (or going back to the defaults) ended.</summary>
public enum CuttingDataSetOutcome
{
    /// <summary>Stored as a new version.</summary>
    Saved,

    /// <summary>The override breaks a rule; nothing was stored.</summary>
    Invalid,

    /// <summary>Another version was stored since the caller read theirs; nothing was overwritten.</summary>
    Stale,
}

/// <summary>The result of storing a cutting-data override.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Read">The cutting data in use afterwards, when saved.</param>
/// <param name="Error">Why not, when invalid (its code and a message naming the field) or stale.</param>
public sealed record CuttingDataSetResult(CuttingDataSetOutcome Outcome, CuttingDataRead? Read, InputFileError? Error);
