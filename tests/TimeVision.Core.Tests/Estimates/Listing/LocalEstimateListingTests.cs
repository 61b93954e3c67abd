using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Estimates.Listing;

/// <summary>The list of documents on the file store, which scans the data folder.</summary>
public sealed class LocalEstimateListingTests : EstimateListingContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override Task<IEstimateStore> CreateStoreAsync() => Task.FromResult<IEstimateStore>(new LocalEstimateStore(_folder.Path));
}
