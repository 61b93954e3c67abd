using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Access;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;
using TimeVision.Functions.Triggers;
using TimeVision.Testing.History;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// What browsers and proxies may keep: no API answer at all (<c>no-store</c>), a page image only in the caller's own
/// browser (<c>private</c>). <see cref="SecurityHeaders.Apply"/> is what both the Functions app and <c>timevision serve</c> run.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CacheControlTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("/api/estimates")]
    [InlineData("/api/model-info")]
    [InlineData("/API/estimates/abc")]
    public void Every_api_answer_is_no_store(string path)
    {
        var http = new DefaultHttpContext { Request = { Path = path } };

        SecurityHeaders.Apply(http.Response);

        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void The_page_itself_is_not_marked_no_store()
    {
        var http = new DefaultHttpContext { Request = { Path = "/assets/app.js" } };

        SecurityHeaders.Apply(http.Response);

        Assert.Empty(http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_page_image_may_be_kept_by_the_callers_browser_only_and_a_missing_one_not_at_all()
    {
        var id = GeneratedHistory.IdOf($"cache-{Guid.NewGuid():N}");
        await GeneratedHistory.StoreAsync(_harness.Services, id, GeneratedHistory.Draw(new Random(5), 0), Token, actualMinutes: 0, pageImage: BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47]));
        var api = ActivatorUtilities.CreateInstance<EstimateListApi>(_harness.Services);
        var image = Request($"/api/estimates/{id}/pages/1/image");
        var missing = Request($"/api/estimates/{id}/pages/2/image");

        Assert.IsType<FileStreamHttpResult>((await api.ImageAsync(image, id, "1", Token)).Result);
        Assert.IsType<JsonHttpResult<ApiErrorBody>>((await api.ImageAsync(missing, id, "2", Token)).Result);

        var cached = image.HttpContext.Response.Headers.CacheControl.ToString();
        Assert.StartsWith("private, max-age=", cached, StringComparison.Ordinal);
        Assert.Equal("no-store", missing.HttpContext.Response.Headers.CacheControl.ToString());
    }

    /// <summary>A GET with the security headers already applied, as both hosts do before the function runs.</summary>
    private static HttpRequest Request(string path)
    {
        var request = FunctionsHarness.Request("GET");
        request.Path = path;
        SecurityHeaders.Apply(request.HttpContext.Response);
        return request;
    }
}
