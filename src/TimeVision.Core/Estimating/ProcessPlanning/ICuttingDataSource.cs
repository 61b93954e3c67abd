namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Where a stored estimate's plan takes its cutting data from: the shipped defaults with the shop's override merged
/// over them, the one an admin stored (<c>PUT /api/cutting-data</c>) else the data folder's <c>cutting-data.json</c>.
/// </summary>
public interface ICuttingDataSource
{
    /// <summary>The cutting data in use, or why it cannot be read (a rejected override).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<InputFileResult<CuttingDataTable>> CurrentAsync(CancellationToken cancellationToken);
}
