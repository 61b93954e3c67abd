using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates.Stores;

/// <summary>
/// Document estimates in Azure Cosmos DB for NoSQL. The partition key is the document id (<c>/documentId</c>): the
/// document and all its page results live in one partition, so reading a document is a point read and every query
/// stays in one partition. The concurrency token is Cosmos DB's <c>_etag</c>.
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <see cref="PartitionKeyPath"/>), whose client serializes with System.Text.Json.</param>
public sealed class CosmosEstimateStore(Container container) : IEstimateStore, IEstimateListing
{
    /// <summary>The partition key path of the <c>estimates</c> container.</summary>
    public const string PartitionKeyPath = CosmosAccount.EstimatesPartitionKeyPath;

    private const string DocumentType = "document";
    private const string PageResultType = "page-result";
    private const string LabelType = "label";

    /// <summary>
    /// The partition that lists labelled documents: one small item per document with feedback, so listing them is a
    /// single-partition query rather than a cross-partition one.
    /// </summary>
    private const string LabelIndexPartition = "_labelled";

    /// <summary>The partition that lists which models estimated each document, for counts without a cross-partition query.</summary>
    private const string ModelIndexPartition = "_models";

    /// <summary>The partition that lists documents with retryable pages, for the retry timer.</summary>
    private const string RetryIndexPartition = "_retryable";

    private const string RetryType = "retryable";

    private const string SummaryType = "summary";

    /// <summary>Creates the database and the <c>estimates</c> container with the expected partition key when missing.</summary>
    public static Task<Container> EnsureContainerAsync(CosmosClient client, string database, string container, CancellationToken cancellationToken) =>
        CosmosAccount.EnsureContainerAsync(client, database, container, PartitionKeyPath, cancellationToken);

    /// <inheritdoc />
    public async Task<DocumentEstimate?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var item = await FindAsync<DocumentEstimate>(documentId, documentId, cancellationToken);
        return item is null ? null : item.Body with { ETag = item.ETag };
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(DocumentEstimate document, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var item = new Item<DocumentEstimate>(document.Id, document.Id, DocumentType, document with { ETag = null });
        var options = ifMatch is null ? null : new ItemRequestOptions { IfMatchEtag = ifMatch };
        try
        {
            // The index partitions cannot share a transaction with the document's. Entries are written before the
            // document and never removed by a save: a failure in between leaves an index that lists too much (its
            // readers check the document), never one that misses a document. The retry sweep takes recovered documents
            // off its list (ForgetRetryableAsync), which keeps saves free of a query on that partition.
            var models = document.Models.Select(m => m.Model).Distinct(StringComparer.Ordinal).ToList();
            await container.UpsertItemAsync(
                new Item<List<string>>(document.Id, ModelIndexPartition, "models", models), new PartitionKey(ModelIndexPartition), cancellationToken: cancellationToken);
            if (document.Feedback is { Count: > 0 })
            {
                var label = new Item<string>(document.Id, LabelIndexPartition, LabelType, document.Id);
                await container.UpsertItemAsync(label, new PartitionKey(LabelIndexPartition), cancellationToken: cancellationToken);
            }

            if (document.RetryablePages.Count > 0)
            {
                var entry = new Item<string>(document.Id, RetryIndexPartition, RetryType, document.Id);
                await container.UpsertItemAsync(entry, new PartitionKey(RetryIndexPartition), cancellationToken: cancellationToken);
            }

            // The list's summary goes first for an unconditional save (nothing can refuse the document after it, and a
            // new document is never missing from the list), after a conditional one (a refused save leaves it as it was).
            if (ifMatch is null)
            {
                await SaveSummaryAsync(document, cancellationToken);
            }

            var response = ifMatch is null
                ? await container.UpsertItemAsync(item, new PartitionKey(document.Id), options, cancellationToken)
                : await container.ReplaceItemAsync(item, item.Id, new PartitionKey(document.Id), options, cancellationToken);
            if (ifMatch is not null)
            {
                await SaveSummaryAsync(document, cancellationToken);
            }

            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound && ifMatch is not null)
        {
            throw new ConcurrencyConflictException($"Document {document.Id} changed since it was read.", exception);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> CountByModelAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", ModelIndexPartition);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in await CosmosQuery.InPartitionAsync<Item<List<string>>>(container, query, ModelIndexPartition, cancellationToken))
        {
            foreach (var model in item.Body)
            {
                counts[model] = counts.GetValueOrDefault(model) + 1;
            }
        }

        return counts;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Walks the summary index one month partition at a time, newest month first, from the month the previous page ended
    /// in (or <see cref="EstimateQuery.To"/>) back to <see cref="EstimateQuery.From"/>, and stops once a page is full:
    /// each read is a single-partition query, and a month is filtered in memory (a month's summaries are a few hundred
    /// small items for a shop).
    /// </remarks>
    public async Task<EstimateListPage> ListAsync(EstimateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var monthsQuery = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", SummaryIndex.MonthsPartition);
        var months = (await CosmosQuery.InPartitionAsync<Item<string>>(container, monthsQuery, SummaryIndex.MonthsPartition, cancellationToken))
            .Select(item => item.Body)
            .Where(month => SummaryIndex.MayHold(month, query))
            .OrderDescending(StringComparer.Ordinal);
        var rows = new List<EstimateSummary>();
        foreach (var month in months)
        {
            var partition = SummaryIndex.Partition(month);
            var monthQuery = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", partition);
            var summaries = await CosmosQuery.InPartitionAsync<Item<EstimateSummary>>(container, monthQuery, partition, cancellationToken);
            rows.AddRange(summaries.Select(s => s.Body).Where(query.Matches).Order(ListCursor.NewestFirst));
            if (rows.Count > query.PageSize)
            {
                break;
            }
        }

        return EstimateListPage.From(rows, query);
    }

    /// <summary>
    /// Writes the document's row of the list into its month's partition, and the month into the list of months. A
    /// document estimated again (<c>force</c>) in a later month moves: its row in the earlier month is removed.
    /// </summary>
    private async Task SaveSummaryAsync(DocumentEstimate document, CancellationToken cancellationToken)
    {
        var month = SummaryIndex.Month(document.CreatedAt);
        var earlier = await CreatedAtOfStoredAsync(document.Id, cancellationToken);
        await container.UpsertItemAsync(
            new Item<string>(month, SummaryIndex.MonthsPartition, "summary-month", month), new PartitionKey(SummaryIndex.MonthsPartition), cancellationToken: cancellationToken);
        var partition = SummaryIndex.Partition(month);
        await container.UpsertItemAsync(
            new Item<EstimateSummary>(document.Id, partition, SummaryType, EstimateSummary.Of(document)), new PartitionKey(partition), cancellationToken: cancellationToken);
        if (earlier is { } created && SummaryIndex.Month(created) != month)
        {
            try
            {
                await container.DeleteItemAsync<Item<EstimateSummary>>(document.Id, new PartitionKey(SummaryIndex.Partition(SummaryIndex.Month(created))), cancellationToken: cancellationToken);
            }
            catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Already moved.
            }
        }
    }

    private async Task<DateTimeOffset?> CreatedAtOfStoredAsync(string documentId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT VALUE c.body.createdAt FROM c WHERE c.documentId = @documentId AND c.id = @id")
            .WithParameter("@documentId", documentId)
            .WithParameter("@id", documentId);
        return (await CosmosQuery.InPartitionAsync<DateTimeOffset?>(container, query, documentId, cancellationToken, maxItems: 1)).FirstOrDefault();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListLabelledAsync(CancellationToken cancellationToken) => ListIndexAsync(LabelIndexPartition, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The version is the label index entry's own <c>_etag</c>: the entry is rewritten before every save of a labelled
    /// document, so it changes with each new label or estimate.
    /// </remarks>
    public async IAsyncEnumerable<LabelVersion> ListLabelVersionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", LabelIndexPartition);
        var items = await CosmosQuery.InPartitionAsync<Item<string>>(container, query, LabelIndexPartition, cancellationToken);
        foreach (var item in items.OrderBy(item => item.Body, StringComparer.Ordinal))
        {
            yield return new LabelVersion(item.Body, item.ETag ?? string.Empty);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListRetryableAsync(CancellationToken cancellationToken) => ListIndexAsync(RetryIndexPartition, cancellationToken);

    /// <inheritdoc />
    public async Task ForgetRetryableAsync(string documentId, CancellationToken cancellationToken)
    {
        try
        {
            await container.DeleteItemAsync<Item<string>>(documentId, new PartitionKey(RetryIndexPartition), cancellationToken: cancellationToken);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Already off the list.
        }
    }

    private async IAsyncEnumerable<string> ListIndexAsync(string partition, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", partition);
        var items = await CosmosQuery.InPartitionAsync<Item<string>>(container, query, partition, cancellationToken);
        foreach (var id in items.Select(item => item.Body).Order(StringComparer.Ordinal))
        {
            yield return id;
        }
    }

    /// <inheritdoc />
    public async Task<PageEstimateResult?> GetPageResultAsync(
        string documentId, int page, string model, string promptHash, CancellationToken cancellationToken)
    {
        var item = await FindAsync<PageEstimateResult>(PageResultKey.For(page, model, promptHash), documentId, cancellationToken);
        return item?.Body;
    }

    /// <inheritdoc />
    public Task SavePageResultAsync(string documentId, int page, PageEstimateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var item = new Item<PageEstimateResult>(PageResultKey.For(page, result.Model, result.PromptHash), documentId, PageResultType, result);
        return container.UpsertItemAsync(item, new PartitionKey(documentId), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Reads one item by id within its partition, or <see langword="null"/>. This is a single-partition query on the
    /// id rather than <c>ReadItemAsync</c>: the local Cosmos DB server answers a point read of a missing item with a
    /// 500 instead of a 404, and the query gives the same answer on it and on Azure Cosmos DB.
    /// </summary>
    private Task<Item<T>?> FindAsync<T>(string id, string documentId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @documentId AND c.id = @id")
            .WithParameter("@documentId", documentId)
            .WithParameter("@id", id);
        return CosmosQuery.FirstInPartitionAsync<Item<T>>(container, query, documentId, cancellationToken);
    }

    /// <summary>What is stored: the id and partition key Cosmos DB needs, a type, the body, and Cosmos DB's ETag.</summary>
    private sealed record Item<T>(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("body")] T Body)
    {
        [JsonPropertyName("_etag")]
        public string? ETag { get; init; }
    }
}
