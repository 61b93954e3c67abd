using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>Tests that share one Azurite and one Cosmos DB fixture.</summary>
[CollectionDefinition(Name)]
public sealed class LocalServicesGroup : ICollectionFixture<AzuriteFixture>, ICollectionFixture<CosmosFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Local services";
}
