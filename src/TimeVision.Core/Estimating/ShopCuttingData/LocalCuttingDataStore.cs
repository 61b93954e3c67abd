using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>The shop's cutting-data override as <c>cutting-data/cutting-data-000001.json</c>, … in the data folder, each file written once.</summary>
/// <param name="dataDirectory">The data folder; the versions go to its <c>cutting-data</c> subfolder (beside the hand-written <c>cutting-data.json</c>).</param>
public sealed class LocalCuttingDataStore(string dataDirectory)
    : LocalVersionedStore<CuttingDataOverride>(dataDirectory, CosmosCuttingDataStore.Kind, PlanningJson.Options), ICuttingDataStore;
