using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>The shop's rates as <c>rates/rates-000001.json</c>, … in the data folder, each file written once.</summary>
/// <param name="dataDirectory">The data folder; the rates go to its <c>rates</c> subfolder.</param>
public sealed class LocalRatesStore(string dataDirectory) : LocalVersionedStore<ShopRates>(dataDirectory, CosmosRatesStore.Kind, PlanningJson.Options), IRatesStore;
