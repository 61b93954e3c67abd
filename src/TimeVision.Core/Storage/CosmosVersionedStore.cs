using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;

namespace TimeVision.Core.Storage;

/// <summary>
/// A versioned shop setting in the <c>estimates</c> container, in a partition of its own (<c>_&lt;kind&gt;</c>): one
/// item per version (<c>&lt;kind&gt;-000001</c>, …), created and never replaced, so a version number taken twice is
/// refused by Cosmos DB itself (409). Every read is a single-partition query.
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
/// <param name="kind">The setting's name: its partition is <c>_kind</c>, its items' type <c>kind</c>.</param>
/// <typeparam name="T">The setting's contract.</typeparam>
public abstract class CosmosVersionedStore<T>(Container container, string kind) : IVersionedStore<T>
    where T : class
{
    private string Partition => $"_{kind}";

    /// <inheritdoc />
    public async Task<StoredVersion<T>?> LatestAsync(CancellationToken cancellationToken)
    {
        var numbers = new QueryDefinition("SELECT VALUE c.number FROM c WHERE c.documentId = @partition AND c.type = @type")
            .WithParameter("@partition", Partition)
            .WithParameter("@type", kind);
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
            ?? throw new InvalidOperationException($"The {kind} version {latest} was listed but cannot be read.");
        return new StoredVersion<T>(item.Number, item.Body);
    }

    /// <inheritdoc />
    public async Task AddAsync(int number, T value, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateItemAsync(new Item(IdOf(number), Partition, kind, number, value), new PartitionKey(Partition), cancellationToken: cancellationToken);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConcurrencyConflictException(VersionedStoreMessages.Taken(kind, number), exception);
        }
    }

    private string IdOf(int number) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{number:D6}");

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("body")] T Body);
}
