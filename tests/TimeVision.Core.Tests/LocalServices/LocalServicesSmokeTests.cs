using System.Net;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.LocalServices;

/// <summary>Proves the local services answer the real Azure SDKs the way later features rely on.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class LocalServicesSmokeTests(AzuriteFixture azurite, CosmosFixture cosmos)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Azurite_stores_a_blob_and_gives_the_same_bytes_back()
    {
        var container = await azurite.CreateContainerAsync(Token);
        var bytes = TimeVision.Testing.TestPdfs.RandomBytes(100_000, seed: 7);

        await container.GetBlobClient("pages/doc/page-001.png").UploadAsync(new BinaryData(bytes), Token);
        var downloaded = await container.GetBlobClient("pages/doc/page-001.png").DownloadContentAsync(Token);

        Assert.Equal(bytes, downloaded.Value.Content.ToArray());
        await container.DeleteAsync(cancellationToken: Token);
    }

    [Fact]
    public async Task Cosmos_server_creates_an_item_reads_it_back_and_queries_within_its_partition()
    {
        var database = await cosmos.CreateDatabaseAsync(Token);
        var container = (await database.CreateContainerAsync("estimates", "/documentId", cancellationToken: Token)).Container;
        var item = new SmokeItem("doc-1", "doc-1", "completed", 12.5);

        var created = await container.CreateItemAsync(item, new PartitionKey(item.DocumentId), cancellationToken: Token);
        var read = await container.ReadItemAsync<SmokeItem>(item.Id, new PartitionKey(item.DocumentId), cancellationToken: Token);
        // The local server only runs a query whose text filters on the partition key (it ignores the header), so
        // queries name the partition key in WHERE as well as in the request options; real Cosmos DB accepts both.
        var query = container.GetItemQueryIterator<SmokeItem>(
            new QueryDefinition("SELECT * FROM c WHERE c.documentId = @documentId AND c.status = @status")
                .WithParameter("@documentId", item.DocumentId)
                .WithParameter("@status", "completed"),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(item.DocumentId) });
        var found = new List<SmokeItem>();
        while (query.HasMoreResults)
        {
            found.AddRange(await query.ReadNextAsync(Token));
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(item, read.Resource);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal([item], found);
        await database.DeleteAsync(cancellationToken: Token);
    }

    // Cosmos' default serializer is Newtonsoft.Json: the property names map through these attributes.
    private sealed record SmokeItem(
        [property: Newtonsoft.Json.JsonProperty("id")] string Id,
        [property: Newtonsoft.Json.JsonProperty("documentId")] string DocumentId,
        [property: Newtonsoft.Json.JsonProperty("status")] string Status,
        [property: Newtonsoft.Json.JsonProperty("totalMinutes")] double TotalMinutes);
}
