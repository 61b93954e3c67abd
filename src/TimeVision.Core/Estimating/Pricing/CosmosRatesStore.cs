using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>The shop's rates in the <c>estimates</c> container, in a partition of their own (<c>_rates</c>), one item per version.</summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosRatesStore(Container container) : CosmosVersionedStore<ShopRates>(container, Kind), IRatesStore
{
    /// <summary>The setting's name: the partition is <c>_rates</c>, the items <c>rates-000001</c>, ….</summary>
    public const string Kind = "rates";
}
