using Microsoft.DurableTask.Client;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>The blob trigger, called as the host would call it, twice for one upload.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class DrawingBlobTriggerTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_harness.Model.Violations);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_trigger_that_fires_twice_starts_one_orchestration()
    {
        var pdf = TestPdfs.WithPages(3);
        var name = $"customer-{Guid.NewGuid():N}/bracket.pdf";
        var container = azurite.Blobs.GetBlobContainerClient("drawings");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.GetBlobClient(name).UploadAsync(new BinaryData(pdf), Token);

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), name, _harness.Client, Token);
        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), name, _harness.Client, Token);

        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in _harness.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        var only = Assert.Single(instances);
        var done = await _harness.WaitAsync(only.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, _harness.Model.Requests.Count);
        var document = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), only.InstanceId, _harness.Client, Token);
        var estimate = Assert.IsType<Core.Estimates.DocumentEstimate>(Assert.IsType<Microsoft.AspNetCore.Mvc.OkObjectResult>(document).Value);
        Assert.Equal(("bracket.pdf", "blob"), (estimate.FileName, Core.Json.JsonCode.Of(estimate.Source)));
    }
}
