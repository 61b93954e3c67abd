using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;

namespace TimeVision.Functions.Tests.Middleware;

/// <summary>
/// Another site's page cannot use the API through the estimator's browser: the rules the Functions app and
/// <c>timevision serve</c> share. The app's address is <c>https://timevision.example</c>.
/// </summary>
public sealed class CrossSiteRequestsTests
{
    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://timevision.example.evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public void A_state_change_another_site_sent_is_403_cross_site_even_with_the_right_body(string header, string value)
    {
        var request = Json("POST");
        request.Headers[header] = value;

        var refusal = CrossSiteRequests.Refusal(request, "ActivateModel");

        Assert.Equal((403, "cross_site"), (refusal?.StatusCode, Code(refusal)));
    }

    [Theory]
    [InlineData("ActivateModel", "text/plain")]
    [InlineData("ActivateModel", "application/x-www-form-urlencoded")]
    [InlineData("StartFineTune", "multipart/form-data; boundary=x")]
    [InlineData("StartHistoryImport", "text/plain")]
    [InlineData("StartHistoryImport", "application/json")]
    [InlineData("PostEstimate", "text/plain")]
    [InlineData("PutFeedback", "text/plain")]
    [InlineData("PutEstimateFeatures", "text/plain")]
    [InlineData("ActivateModel", null)]
    public void A_state_change_whose_body_is_not_of_its_declared_type_is_415(string function, string? contentType)
    {
        var refusal = CrossSiteRequests.Refusal(FunctionsHarness.Request("POST", "{}"u8.ToArray(), contentType), function);

        Assert.Equal((415, "unsupported_media_type"), (refusal?.StatusCode, Code(refusal)));
    }

    [Theory]
    [InlineData("RetryEstimate", "text/plain")]
    [InlineData("PurgeEstimate", "application/x-www-form-urlencoded")]
    public void A_state_change_that_takes_no_body_refuses_one(string function, string contentType)
    {
        Assert.Equal(415, CrossSiteRequests.Refusal(FunctionsHarness.Request("POST", "model=evil"u8.ToArray(), contentType), function)?.StatusCode);
        Assert.Null(CrossSiteRequests.Refusal(FunctionsHarness.Request("POST", body: null, contentType: null), function));
    }

    [Fact]
    public void The_apps_own_page_and_scripts_without_the_headers_pass()
    {
        var fromPage = Json("POST");
        fromPage.Headers.Origin = "https://timevision.example";
        fromPage.Headers["Sec-Fetch-Site"] = "same-origin";
        var csv = FunctionsHarness.Request("POST", "a;b\n"u8.ToArray(), "text/csv; charset=windows-1250");
        var pdf = FunctionsHarness.Request("POST", "%PDF-1.7"u8.ToArray(), "application/pdf");

        Assert.Null(CrossSiteRequests.Refusal(fromPage, "ActivateModel"));
        Assert.Null(CrossSiteRequests.Refusal(Json("PUT"), "PutFeedback"));
        Assert.Null(CrossSiteRequests.Refusal(csv, "StartHistoryImport"));
        Assert.Null(CrossSiteRequests.Refusal(pdf, "PostEstimate"));
    }

    [Fact]
    public void Behind_the_functions_hosts_forwarding_the_public_host_is_the_apps_own()
    {
        var fromPage = Json("POST");
        fromPage.Host = new HostString("localhost", 5555);
        fromPage.Headers["X-Forwarded-Host"] = "timevision.example";
        fromPage.Headers.Origin = "https://timevision.example";
        var fromElsewhere = Json("POST");
        fromElsewhere.Host = new HostString("localhost", 5555);
        fromElsewhere.Headers["X-Forwarded-Host"] = "timevision.example";
        fromElsewhere.Headers.Origin = "http://localhost:5555";

        Assert.Null(CrossSiteRequests.Refusal(fromPage, "ActivateModel"));
        Assert.Equal(403, CrossSiteRequests.Refusal(fromElsewhere, "ActivateModel")?.StatusCode);
    }

    [Fact]
    public void A_link_to_the_page_works_from_another_site_but_the_api_is_not_read_from_one()
    {
        var page = FunctionsHarness.Request("GET", contentType: null);
        page.Headers["Sec-Fetch-Site"] = "cross-site";
        var list = FunctionsHarness.Request("GET", contentType: null);
        list.Headers["Sec-Fetch-Site"] = "cross-site";

        Assert.Null(CrossSiteRequests.Refusal(page, "WebDocument"));
        Assert.Equal(403, CrossSiteRequests.Refusal(list, "ListEstimates")?.StatusCode);
    }

    private static HttpRequest Json(string method) => FunctionsHarness.Request(method, Encoding.UTF8.GetBytes("""{"model":"evil-model","force":true}"""), "application/json");

    private static string? Code(JsonHttpResult<ApiErrorBody>? result) =>
        result is null ? null : JsonSerializer.SerializeToElement(result.Value).GetProperty("error").GetProperty("code").GetString();
}
