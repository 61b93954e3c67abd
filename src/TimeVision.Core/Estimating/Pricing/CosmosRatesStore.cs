using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// The shop's rates in the <c>estimates</c> container, in a partition of their own (<c>_rates</c>): one item per
/// version, created and never replaced, so a version number taken twice is refused by Cosmos DB itself (409). Every
/// read is a single-partition query.
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosRatesStore(Container container) : IRatesStore
{
    /// <summary>The partition the rates live in.</summary>
    public const string Partition = "_rates";

    private const string RatesType = "rates";

    /// <inheritdoc />
    public async Task<StoredRates?> LatestAsync(CancellationToken cancellationToken)
    {
        var numbers = new QueryDefinition("SELECT VALUE c.number FROM c WHERE c.documentId = @partition AND c.type = @type")
            .WithParameter("@partition", Partition)
            .WithParameter("@type", RatesType);
        var taken = await CosmosQuery.InPartitionAsync<int>(container, numbers, Partition, cancellationToken);
        if (taken.Count == 0)
        {
            return null;
        }

        var latest = taken.Max();
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition AND c.id = @id")
            .WithParameter("@partition", Partition)
            .WithParameter("@id", IdOf(latest));
        var item = await CosmosQuery.FirstInPartitionAsync<Item>(container, query, Partition, cancellationToken)
            ?? throw new InvalidOperationException($"Rates version {latest} was listed but cannot be read.");
        return new StoredRates(item.Number, item.Body);
    }

    /// <inheritdoc />
    public async Task AddAsync(int number, ShopRates rates, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateItemAsync(new Item(IdOf(number), Partition, RatesType, number, rates), new PartitionKey(Partition), cancellationToken: cancellationToken);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConcurrencyConflictException($"Rates version {number} was stored by someone else first.", exception);
        }
    }

    private static string IdOf(int number) => $"rates-{number:D6}";

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("body")] ShopRates Body);
}
