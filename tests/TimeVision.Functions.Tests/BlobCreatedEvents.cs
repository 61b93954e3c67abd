using System.Text.Json;
using Azure.Storage.Blobs;

namespace TimeVision.Functions.Tests;

/// <summary>
/// Event Grid's <c>Microsoft.Storage.BlobCreated</c> events as the storage account's system topic sends them to the
/// blobs extension's webhook, and what the extension does with one: read the blob its <c>data.url</c> names and call the
/// trigger with that blob and its name.
/// </summary>
internal static class BlobCreatedEvents
{
    /// <summary>One event in the Event Grid schema (the body is an array of events), for a block blob put in <paramref name="container"/>.</summary>
    public static string For(BlobContainerClient container, string blobName, long contentLength) =>
        JsonSerializer.Serialize(new[]
        {
            new
            {
                topic = $"/subscriptions/{Guid.Empty}/resourceGroups/rg-timevision/providers/Microsoft.Storage/storageAccounts/{container.AccountName}",
                subject = $"/blobServices/default/containers/{container.Name}/blobs/{blobName}",
                eventType = "Microsoft.Storage.BlobCreated",
                id = Guid.NewGuid().ToString(),
                data = new
                {
                    api = "PutBlob",
                    contentType = "application/pdf",
                    contentLength,
                    blobType = "BlockBlob",
                    url = container.GetBlobClient(blobName).Uri.ToString(),
                },
                dataVersion = string.Empty,
                metadataVersion = "1",
                eventTime = "2026-11-30T08:00:00Z",
            },
        });

    /// <summary>The blob name an event names, relative to its container: the <c>data.url</c> path after the container.</summary>
    public static string BlobName(string eventsJson, string containerName)
    {
        using var events = JsonDocument.Parse(eventsJson);
        var single = Assert.Single(events.RootElement.EnumerateArray().ToList());
        Assert.Equal("Microsoft.Storage.BlobCreated", single.GetProperty("eventType").GetString());
        var path = Uri.UnescapeDataString(new Uri(single.GetProperty("data").GetProperty("url").GetString()!).AbsolutePath);
        var prefix = $"/{containerName}/";
        var start = path.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The event's url does not name container '{containerName}': {path}");
        return path[(start + prefix.Length)..];
    }
}
