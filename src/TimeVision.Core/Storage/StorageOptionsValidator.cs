using Microsoft.Extensions.Options;

namespace TimeVision.Core.Storage;

/// <summary>The rules of <see cref="StorageOptions"/> that span settings: what a Cosmos DB or Blob endpoint needs beside it.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        CheckEndpoint("Storage:CosmosEndpoint", options.CosmosEndpoint, "https://ACCOUNT.documents.azure.com:443/", failures);
        CheckEndpoint("Storage:BlobServiceUri", options.BlobServiceUri, "https://ACCOUNT.blob.core.windows.net/", failures);
        if (options.CosmosEndpoint is null)
        {
            if (!string.IsNullOrWhiteSpace(options.CosmosKey))
            {
                failures.Add("Storage:CosmosKey is set but Storage:CosmosEndpoint is not, so estimates would be kept in local files: set the endpoint, or remove the key.");
            }
        }
        else
        {
            CheckName("Storage:CosmosDatabase", options.CosmosDatabase, "database", failures);
            CheckName("Storage:CosmosContainer", options.CosmosContainer, "estimates container", failures);
            CheckName("Storage:CosmosModelsContainer", options.CosmosModelsContainer, "models container", failures);
            if (string.Equals(options.CosmosContainer, options.CosmosModelsContainer, StringComparison.Ordinal))
            {
                failures.Add(
                    "Storage:CosmosContainer and Storage:CosmosModelsContainer must name two containers: estimates are partitioned by " +
                    $"{CosmosAccount.EstimatesPartitionKeyPath}, the model registry and fine-tuning jobs by {CosmosAccount.ModelsPartitionKeyPath}.");
            }
        }

        var keptHere = options.CosmosEndpoint is null || (string.IsNullOrWhiteSpace(options.BlobConnectionString) && options.BlobServiceUri is null);
        if (keptHere && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory must name a folder: with no Azure store configured for them, blobs or estimates are kept on this machine.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(string setting, Uri? endpoint, string example, List<string> failures)
    {
        if (endpoint is not null && !(endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{setting} must be an absolute http(s) URL such as {example}; got '{endpoint}'.");
        }
    }

    private static void CheckName(string setting, string name, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            failures.Add($"{setting} must name the {what} when Storage:CosmosEndpoint is set.");
        }
    }
}
