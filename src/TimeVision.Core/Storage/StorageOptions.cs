namespace TimeVision.Core.Storage;

/// <summary>
/// Where blobs and estimates live, bound from the <c>Storage</c> configuration section. With no Azure settings both
/// live in <see cref="DataDirectory"/> on this machine.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The local data folder (blobs under <c>blobs/</c>, estimates under <c>estimates/</c>). Default <c>.timevision</c>.</summary>
    public string DataDirectory { get; set; } = ".timevision";

    /// <summary>Azure Blob Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c>); empty means local files.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>Azure Blob Storage endpoint for identity-based access (<c>DefaultAzureCredential</c>), e.g. <c>https://ACCOUNT.blob.core.windows.net</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Azure Cosmos DB account endpoint; empty means local files. Without <see cref="CosmosKey"/> it uses <c>DefaultAzureCredential</c>.</summary>
    public Uri? CosmosEndpoint { get; set; }

    /// <summary>Azure Cosmos DB account key, for the emulator and local runs.</summary>
    public string? CosmosKey { get; set; }

    /// <summary>The Cosmos DB database. Default <c>timevision</c>.</summary>
    public string CosmosDatabase { get; set; } = "timevision";

    /// <summary>The Cosmos DB container of estimates (partition key <c>/documentId</c>). Default <c>estimates</c>.</summary>
    public string CosmosContainer { get; set; } = "estimates";

    /// <summary>The Cosmos DB container of the model registry and fine-tune jobs (partition key <c>/kind</c>). Default <c>models</c>.</summary>
    public string CosmosModelsContainer { get; set; } = "models";

    /// <summary>Create the database and container when missing (local emulators; in Azure the infra creates them). Default on.</summary>
    public bool CreateCosmosResources { get; set; } = true;
}
