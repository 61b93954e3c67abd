namespace TimeVision.Core.Estimating.Vision.Registry;

/// <summary>Stores the model registry.</summary>
public interface IModelRegistry
{
    /// <summary>The registry; empty when nothing was ever stored.</summary>
    Task<ModelRegistryState> GetAsync(CancellationToken cancellationToken);

    /// <summary>Stores the registry if it still carries <paramref name="ifMatch"/> (or unconditionally when null).</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">Someone changed it first.</exception>
    Task SaveAsync(ModelRegistryState state, string? ifMatch, CancellationToken cancellationToken);
}
