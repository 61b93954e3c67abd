namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>The versions of the shop's cutting data and work centres in use now, to compare with a stored plan's.</summary>
/// <param name="CuttingDataVersion">The cutting data's version, when it can be read.</param>
/// <param name="WorkCentresVersion">The work centres' version, when they can be read.</param>
public sealed record ShopDataVersions(string? CuttingDataVersion, string? WorkCentresVersion);
