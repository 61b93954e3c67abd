using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// The fault-injection and load tests: one at a time among themselves (the load and the 429 storm each keep both cores
/// busy), beside the other collections. Tests that stop a service start a private one (<see cref="PrivateAzurite"/>,
/// <see cref="PrivateCosmos"/>); the shared ones here are never stopped.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsGroup : ICollectionFixture<AzuriteFixture>, ICollectionFixture<CosmosFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Faults";
}
