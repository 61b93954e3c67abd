using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.History;

/// <summary>The history index's Cosmos DB store, through the real SDK against the local Cosmos DB server: one partition, replaced per document.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosHistoryStoreTests(CosmosFixture cosmos)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_s_entries_are_replaced_whole_and_the_others_stay()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        var store = new CosmosHistoryStore(container);

        await store.ReplaceAsync("doc-a", [Entry("doc-a", 1, 10), Entry("doc-a", 2, 20)], Token);
        await store.ReplaceAsync("doc-b", [Entry("doc-b", 1, 30)], Token);
        await store.ReplaceAsync("doc-a", [Entry("doc-a", 1, 12)], Token);

        var entries = (await store.ListAsync(Token)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        Assert.Equal([("doc-a-1", 12.0), ("doc-b-1", 30.0)], entries.Select(e => (e.Key, e.ActualMinutes)));
        Assert.Equal((PartType.Rot, "steel", 120.0), (entries[0].Features.PartType, entries[0].Features.MaterialGroup, entries[0].Features.LargestMm));

        await store.ReplaceAsync("doc-b", [], Token);
        Assert.Equal(["doc-a-1"], (await store.ListAsync(Token)).Select(e => e.Key));
    }

    private static HistoryEntry Entry(string documentId, int part, double minutes) => new()
    {
        DocumentId = documentId,
        Part = part,
        LabelVersion = "v1",
        File = documentId + ".pdf",
        Features = new PartFeatures { PartType = PartType.Rot, Complexity = Complexity.Medium, MaterialGroup = "steel", LargestMm = 120 },
        ActualMinutes = minutes,
        Source = FeedbackSource.Actual,
        Rows = 1,
    };
}
