using System.Text.Json.Nodes;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>
/// One stored version of the shop's cutting-data override: the values an admin set over the shipped cutting data (the
/// override file's contract, <c>src/docs/process-plan.md</c>), or none when the admin went back to the defaults.
/// </summary>
public sealed record CuttingDataOverride
{
    /// <summary>The stored version: <c>shop-1</c>, <c>shop-2</c>, …; the cutting data in use is versioned <c>&lt;defaults&gt;+shop-N</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The override's values, merged over the defaults; <see langword="null"/> when this version goes back to them.</summary>
    public JsonObject? Values { get; init; }

    /// <summary>Who stored it, as the host vouched for them.</summary>
    public string? SetBy { get; init; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset? SetAt { get; init; }
}
