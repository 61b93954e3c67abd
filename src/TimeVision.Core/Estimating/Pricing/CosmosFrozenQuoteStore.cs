using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// Frozen quotes in the <c>estimates</c> container, in their estimate's partition (<c>/documentId</c>): one item per
/// quote, created and never replaced, so a number taken twice is refused by Cosmos DB itself (409). Listing them is a
/// single-partition query.
/// </summary>
/// <param name="container">The <c>estimates</c> container.</param>
public sealed class CosmosFrozenQuoteStore(Container container) : IFrozenQuoteStore
{
    private const string QuoteType = "frozen-quote";

    /// <inheritdoc />
    public async Task AddAsync(FrozenQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        try
        {
            var item = new Item(IdOf(quote.Id), quote.DocumentId, QuoteType, quote.Id, quote with { SupersededBy = null });
            await container.CreateItemAsync(item, new PartitionKey(quote.DocumentId), cancellationToken: cancellationToken);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConcurrencyConflictException($"Quote {quote.Id} of {quote.DocumentId} was frozen by someone else first.", exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FrozenQuote>> ListAsync(string documentId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @documentId AND c.type = @type")
            .WithParameter("@documentId", documentId)
            .WithParameter("@type", QuoteType);
        var items = await CosmosQuery.InPartitionAsync<Item>(container, query, documentId, cancellationToken);
        return [.. items.Select(i => i.Body).OrderBy(q => q.Id)];
    }

    /// <inheritdoc />
    public async Task<FrozenQuote?> GetAsync(string documentId, int id, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @documentId AND c.id = @id")
            .WithParameter("@documentId", documentId)
            .WithParameter("@id", IdOf(id));
        return (await CosmosQuery.FirstInPartitionAsync<Item>(container, query, documentId, cancellationToken))?.Body;
    }

    private static string IdOf(int id) => $"quote-{id:D6}";

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("body")] FrozenQuote Body);
}
