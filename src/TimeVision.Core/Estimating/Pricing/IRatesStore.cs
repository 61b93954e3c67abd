using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// The shop's rates, every version kept and none changed (<see cref="IVersionedStore{T}"/>): a new set is stored as
/// the next number, and the highest number is the one in use.
/// </summary>
public interface IRatesStore : IVersionedStore<ShopRates>;
