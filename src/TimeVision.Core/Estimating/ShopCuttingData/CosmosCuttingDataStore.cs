using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>The shop's cutting-data override in the <c>estimates</c> container, in a partition of its own (<c>_cutting-data</c>), one item per version.</summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosCuttingDataStore(Container container) : CosmosVersionedStore<CuttingDataOverride>(container, Kind), ICuttingDataStore
{
    /// <summary>The setting's name: the partition is <c>_cutting-data</c>, the items <c>cutting-data-000001</c>, ….</summary>
    public const string Kind = "cutting-data";
}
