using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Re-plans a stored estimate after an admin changed the shop's cutting data or work centres: its merged features, as
/// stored (same features version, no model call), planned again by <see cref="EstimatePlans"/> with the data in use
/// now, the headline chosen again (<see cref="EstimateHeadlines"/>), stored if the estimate still carries the caller's
/// token. <see cref="CurrentAsync"/> gives the versions in use, so a client can tell a plan is behind.
/// </summary>
/// <param name="plans">Plans the stored features.</param>
/// <param name="cuttingData">The shop's cutting data in use.</param>
/// <param name="workCentres">The shop's work centres in use.</param>
/// <param name="headlines">Chooses the headline number again after the plan changed.</param>
public sealed class EstimateReplans(
    EstimatePlans plans, ICuttingDataSource cuttingData, IWorkCentreSource workCentres, EstimateHeadlines headlines)
{
    /// <summary>The cutting-data and work-centres versions in use now (a rejected override's is <see langword="null"/>).</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ShopDataVersions> CurrentAsync(CancellationToken cancellationToken) => new(
        (await cuttingData.CurrentAsync(cancellationToken)).Value?.Version, (await workCentres.CurrentAsync(cancellationToken)).Value?.Version);

    /// <summary>
    /// Plans the stored estimate's merged features again with the shop's data in use and stores it, if the stored
    /// estimate still carries <paramref name="ifMatch"/> and has a plan. The features and their version stay as they are.
    /// </summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="ifMatch">The estimate's concurrency token as the caller read it with the plan.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public Task<StoredPlanChangeResult> ReplanAsync(string documentId, string ifMatch, CancellationToken cancellationToken) =>
        plans.ChangeStoredPlanAsync(
            documentId,
            ifMatch,
            "re-plan",
            async document => await headlines.ChooseAsync(await plans.ReplannedAsync(document, cancellationToken), cancellationToken),
            cancellationToken);
}
