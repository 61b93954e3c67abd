using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;
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
    public async Task A_drawing_overwritten_after_the_trigger_read_it_is_still_estimated_from_the_bytes_it_hashed()
    {
        var first = TestPdfs.WithPages(1, widthMm: 311);
        var name = $"customer-{Guid.NewGuid():N}/plate.pdf";
        var container = azurite.Blobs.GetBlobContainerClient("drawings");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.GetBlobClient(name).UploadAsync(new BinaryData(first), Token);

        // The host read the first drawing for the trigger; the customer has overwritten it with a three-sheet one since.
        await container.GetBlobClient(name).UploadAsync(new BinaryData(TestPdfs.WithPages(3, widthMm: 312)), overwrite: true, Token);
        await _harness.BlobTrigger.RunAsync(new MemoryStream(first), name, _harness.Client, Token);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first));
        await _harness.WaitAsync(id);

        var document = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);
        var estimate = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(document.Result).Value);
        Assert.Equal((1, DocumentStatus.Completed), (estimate.PageCount, estimate.Status));
        Assert.Equal($"{id}.pdf", estimate.Pdf!.Name);
        Assert.Single(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_copy_timevision_stored_under_a_document_id_starts_nothing()
    {
        var pdf = TestPdfs.WithPages(1, widthMm: 313);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), $"{id}.pdf", _harness.Client, Token);

        Assert.Null(await _harness.Client.GetInstanceAsync(id, Token));
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
        var estimate = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(document.Result).Value);
        Assert.Equal(("bracket.pdf", "blob"), (estimate.FileName, Core.Json.JsonCode.Of(estimate.Source)));
    }

    [Fact]
    public async Task An_event_grid_BlobCreated_event_delivered_twice_at_once_starts_one_orchestration()
    {
        var pdf = TestPdfs.WithPages(2, widthMm: 313);
        var name = $"customer-{Guid.NewGuid():N}/flange drawing.pdf";
        var container = azurite.Blobs.GetBlobContainerClient("drawings");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.GetBlobClient(name).UploadAsync(new BinaryData(pdf), Token);
        var delivery = BlobCreatedEvents.For(container, name, pdf.Length);

        // Event Grid delivers at least once: the same event may reach two instances at the same moment.
        async Task DeliverAsync()
        {
            var blobName = BlobCreatedEvents.BlobName(delivery, container.Name);
            await using var blob = await container.GetBlobClient(blobName).OpenReadAsync(cancellationToken: Token);
            await _harness.BlobTrigger.RunAsync(blob, blobName, _harness.Client, Token);
        }

        await Task.WhenAll(DeliverAsync(), DeliverAsync());

        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in _harness.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        var only = Assert.Single(instances);
        Assert.Equal(DocumentId.FromHash(System.Security.Cryptography.SHA256.HashData(pdf)).Value, only.InstanceId);
        var done = await _harness.WaitAsync(only.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, _harness.Model.Requests.Count);
        var document = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), only.InstanceId, _harness.Client, Token);
        var estimate = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(document.Result).Value);
        Assert.Equal("flange drawing.pdf", estimate.FileName);

        // Delivered once more after the run: nothing new is asked of the model.
        await DeliverAsync();
        Assert.Equal(2, _harness.Model.Requests.Count);
    }

    [Fact]
    public async Task A_blob_over_the_size_cap_is_recorded_as_a_failed_too_large_estimate_and_never_rendered()
    {
        var pdf = TestPdfs.WithPages(1);
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, maxPdfBytes: pdf.Length - 1);

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), "customer-9\\old\\bra\u0007cket.pdf", _harness.Client, Token);

        Assert.Empty(await InstancesAsync());
        var estimate = await EstimateAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        Assert.Equal((DocumentStatus.Failed, RenderErrorCode.TooLarge, 0), (estimate.Status, estimate.Error?.Code, estimate.Pages.Count));
        Assert.Contains("Pipeline:MaxPdfBytes", estimate.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(("bracket.pdf", "blob"), (estimate.FileName, Core.Json.JsonCode.Of(estimate.Source)));
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_blob_over_the_page_cap_ends_failed_with_too_many_pages_before_any_page_is_rendered()
    {
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Rendering:MaxPages"] = "2" });
        var pdf = TestPdfs.WithPages(3);
        var name = $"customer-{Guid.NewGuid():N}/three-sheets.pdf";
        var container = azurite.Blobs.GetBlobContainerClient("drawings");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.GetBlobClient(name).UploadAsync(new BinaryData(pdf), Token);

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), name, _harness.Client, Token);

        var only = Assert.Single(await InstancesAsync());
        await _harness.WaitAsync(only.InstanceId);
        var estimate = await EstimateAsync(only.InstanceId);
        Assert.Equal((DocumentStatus.Failed, RenderErrorCode.TooManyPages, 0), (estimate.Status, estimate.Error?.Code, estimate.Pages.Count));
        Assert.Empty(_harness.Model.Requests);
    }

    private async Task<List<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in _harness.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        return instances;
    }

    private async Task<DocumentEstimate> EstimateAsync(string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);
}
