using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.ShopCuttingData;

/// <summary>The shop's cutting-data override, every version kept and none changed (<see cref="IVersionedStore{T}"/>); the highest number is the one in use.</summary>
public interface ICuttingDataStore : IVersionedStore<CuttingDataOverride>;
