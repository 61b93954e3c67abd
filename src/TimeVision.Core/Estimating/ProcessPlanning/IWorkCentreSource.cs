namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Where a stored estimate's plan takes its work centres from: the shop's one list, which the rates carry too
/// (<c>src/docs/quote.md</c>). Before an admin stores rates it is the defaults with the data folder's
/// <c>work-centres.json</c> merged over them; after, the stored rates' list.
/// </summary>
public interface IWorkCentreSource
{
    /// <summary>The work centres in use, or why they cannot be read (a rejected override in the data folder).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<InputFileResult<WorkCentreList>> CurrentAsync(CancellationToken cancellationToken);
}
