using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Tests;

/// <summary>A page too small to hold a drawing costs no model call: it is skipped as <c>page_too_small</c>.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class PageTooSmallTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_hundredth_of_a_point_page_and_a_9_mm_strip_are_skipped_and_only_the_drawing_is_sent_to_the_model()
    {
        const double hundredthOfAPointMm = 0.01 * 25.4 / 72;
        var pdf = TestPdfs.WithPageSizes((hundredthOfAPointMm, hundredthOfAPointMm), (297, 210), (200, 9));

        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);
        var document = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);

        Assert.Single(_harness.Model.Requests);
        Assert.Equal(
            [(1, RenderErrorCode.PageTooSmall), (3, RenderErrorCode.PageTooSmall)],
            document.Pages.Where(p => p.RenderError is not null).Select(p => (p.Page, p.RenderError!.Code)));
        Assert.All(document.Pages.Where(p => p.RenderError is not null), p => Assert.Null(p.Image));
        Assert.Empty(document.RetryablePages);
        Assert.Equal(PageEstimateStatus.Completed, PageEstimateStatusOf(document, 2));
    }

    private static PageEstimateStatus PageEstimateStatusOf(DocumentEstimate document, int page) => document.Pages.Single(p => p.Page == page).Status;
}
