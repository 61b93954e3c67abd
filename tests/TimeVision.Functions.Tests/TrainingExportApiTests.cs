using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Storage;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.Features;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>GET /api/training/export</c> streams its zip as the export is produced, into a response body that takes only
/// asynchronous writes, as Kestrel's does: the same files as the CLI's export folder, and nothing written first.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class TrainingExportApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private readonly List<long> _responseBytesAtEachImageRead = [];
    private readonly TempFolder _folder = new();
    private FunctionsHarness _harness = null!;
    private ResponseBody? _watchedResponse;
    private int? _failingImageRead;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TrainingExportApi Api => ActivatorUtilities.CreateInstance<TrainingExportApi>(_harness.Services);

    public async ValueTask InitializeAsync() =>
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, configureServices: WatchImageReads);

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Each_example_reaches_the_response_while_later_page_images_are_still_being_read()
    {
        await LabelledDocuments.SeedAsync(_harness, 4, Token);
        var (request, body) = ExportRequest("?validationPercent=0");

        var result = await Api.GetAsync(request, Token);

        Assert.IsType<ZipStreamed>(result.Result);
        Assert.Equal(4, _responseBytesAtEachImageRead.Count);
        Assert.True(_responseBytesAtEachImageRead[^1] > 0, "the response had received nothing when the last page image was read: the export was written whole before it was sent");
        Assert.True(_responseBytesAtEachImageRead[^1] < body.BytesReceived);
        using var zip = new ZipArchive(body.Received);
        Assert.Equal(["train.jsonl", "validation.jsonl", "manifest.json"], zip.Entries.Select(e => e.FullName));
        using var train = new StreamReader(await zip.GetEntry("train.jsonl")!.OpenAsync(Token));
        Assert.Equal(4, (await train.ReadToEndAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("sharegpt")]
    public async Task The_zip_holds_the_same_files_with_the_same_bytes_as_the_CLIs_export_folder(string format)
    {
        var ids = await LabelledDocuments.SeedAsync(_harness, 6, Token);
        Assert.Contains(ids, id => TrainingExporter.IsValidation(id, 50));
        Assert.Contains(ids, id => !TrainingExporter.IsValidation(id, 50));
        var (request, body) = ExportRequest($"?validationPercent=50&format={format}");

        await Api.GetAsync(request, Token);
        var folder = Path.Combine(_folder.Path, format);
        await _harness.Services.GetRequiredService<TrainingExporter>().ExportAsync(
            new TrainingExportRequest(new HashSet<FeedbackSource> { FeedbackSource.Actual }, ValidationPercent: 50, Format: TrainingFormats.Parse(format)!.Value), new FolderExportSink(folder), Token);

        using var zip = new ZipArchive(body.Received);
        var folderFiles = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(folderFiles, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal("manifest.json", zip.Entries[^1].FullName);
        foreach (var name in folderFiles)
        {
            var fromFolder = await File.ReadAllBytesAsync(Path.Combine(folder, name), Token);
            var fromZip = await ReadAsync(zip.GetEntry(name)!);
            if (name == "manifest.json")
            {
                Assert.Equal(WithoutCreatedAt(fromFolder), WithoutCreatedAt(fromZip));
            }
            else
            {
                Assert.True(fromFolder.AsSpan().SequenceEqual(fromZip), $"{name} differs");
            }
        }
    }

    [Fact]
    public async Task An_export_that_fails_part_way_cuts_the_connection_and_leaves_no_zip_that_looks_whole()
    {
        await LabelledDocuments.SeedAsync(_harness, 3, Token);
        var (request, body) = ExportRequest("?validationPercent=0");
        var lifetime = new AbortRecorder();
        request.HttpContext.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        _failingImageRead = 2;

        var result = await Api.GetAsync(request, Token);

        Assert.IsType<ZipStreamed>(result.Result);
        Assert.True(lifetime.Aborted);
        Assert.True(body.BytesReceived > 0);
        Assert.Throws<InvalidDataException>(() => new ZipArchive(body.Received));
    }

    [Fact]
    public async Task Task_features_streams_the_confirmed_features_examples_with_a_manifest_saying_whose_they_are()
    {
        var corpus = await FeatureCorpus.BuildAsync(_harness.Services, BlankPage(), Token);
        var (request, body) = ExportRequest("?validationPercent=0&task=features");

        var result = await Api.GetAsync(request, Token);

        Assert.IsType<ZipStreamed>(result.Result);
        Assert.Equal("attachment; filename=\"timevision-training-features.zip\"", request.HttpContext.Response.Headers.ContentDisposition.ToString());
        using var zip = new ZipArchive(body.Received);
        Assert.Equal(["train.jsonl", "validation.jsonl", "manifest.json"], zip.Entries.Select(e => e.FullName));
        var manifest = JsonNode.Parse(await ReadAsync(zip.GetEntry("manifest.json")!))!;
        Assert.Equal(("features", "reading"), (manifest["task"]!.GetValue<string>(), manifest["prompt"]!["id"]!.GetValue<string>()));
        var examples = manifest["examples"]!.AsArray();
        Assert.Equal(corpus.Count(d => d.Kind is FeatureCorpusKind.Corrected or FeatureCorpusKind.Accepted), examples.Count);
        Assert.Contains(examples, e => e!["labelSource"]!.GetValue<string>() == "text_layer_accepted" && e["confirmedBy"]!.GetValue<string>() == FeatureCorpus.Accepter);
        var lines = System.Text.Encoding.UTF8.GetString(await ReadAsync(zip.GetEntry("train.jsonl")!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(examples.Count, lines.Length);
        Assert.All(lines, line => Assert.Contains(FeatureCorpus.Material, JsonNode.Parse(line)!["messages"]![2]!["content"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?task=timing", "task must be minutes or features.")]
    [InlineData("?task=features&includeShadow=true", "includeShadow is for the minutes task: a challenger's reading is not a confirmed label.")]
    public async Task A_task_it_does_not_know_or_shadow_answers_for_features_are_a_bad_query(string query, string message)
    {
        var (request, _) = ExportRequest(query);

        var error = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiErrorBody>>((await Api.GetAsync(request, Token)).Result);

        Assert.Equal((400, "invalid_query", message), (error.StatusCode, error.Value!.Error.Code, error.Value.Error.Message));
    }

    /// <summary>A white sheet as a PNG: what the features examples show matters less here than that they are streamed.</summary>
    private static BinaryData BlankPage()
    {
        using var bitmap = new SkiaSharp.SKBitmap(400, 300);
        bitmap.Erase(SkiaSharp.SKColors.White);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return BinaryData.FromBytes(data.ToArray());
    }

    private (HttpRequest Request, ResponseBody Body) ExportRequest(string query)
    {
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new QueryString(query);
        var body = new ResponseBody();
        request.HttpContext.Response.Body = body;
        _watchedResponse = body;
        return (request, body);
    }

    /// <summary>Every page-image read, during an export, notes how much of the response had been sent by then.</summary>
    private void WatchImageReads(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IBlobStore));
        services.Remove(registered);
        services.AddSingleton<IBlobStore>(provider => new WatchedBlobStore((IBlobStore)registered.ImplementationFactory!(provider), OnImageRead));
    }

    private void OnImageRead()
    {
        if (_watchedResponse is not { } response)
        {
            return;
        }

        lock (_responseBytesAtEachImageRead)
        {
            _responseBytesAtEachImageRead.Add(response.BytesReceived);
            if (_responseBytesAtEachImageRead.Count == _failingImageRead)
            {
                throw new IOException("The blob store went away.");
            }
        }
    }

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        await using var content = await entry.OpenAsync(Token);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Token);
        return copy.ToArray();
    }

    private static string WithoutCreatedAt(byte[] manifest)
    {
        var json = JsonNode.Parse(manifest)!.AsObject();
        Assert.True(json.Remove("createdAt"));
        return json.ToJsonString();
    }

    private sealed class WatchedBlobStore(IBlobStore inner, Action onPageImageRead) : IBlobStore
    {
        public Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken) => inner.UploadAsync(blob, content, cancellationToken);

        public Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken)
        {
            if (blob.Name.EndsWith(".png", StringComparison.Ordinal))
            {
                onPageImageRead();
            }

            return inner.DownloadToAsync(blob, destination, cancellationToken);
        }

        public Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken) => inner.ExistsAsync(blob, cancellationToken);
    }

    private sealed class AbortRecorder : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }
}
