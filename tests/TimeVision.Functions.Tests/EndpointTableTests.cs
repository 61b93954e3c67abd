using System.Text.Json;
using TimeVision.Api.Endpoints;

namespace TimeVision.Functions.Tests;

/// <summary>
/// The endpoint table is the one definition of the HTTP API: the Functions app has exactly one shim per entry, with the
/// entry's route and methods (as the generated <c>functions.metadata</c> tells the Functions host), and no HTTP function
/// outside it, so <c>timevision serve</c>, which maps the table, serves what Azure serves.
/// </summary>
public sealed class EndpointTableTests
{
    private static readonly JsonElement[] Functions = FunctionsMetadataTests.Load();

    [Fact]
    public void Every_endpoint_in_the_table_has_exactly_one_function_with_its_route_and_methods()
    {
        Assert.All(ApiEndpoints.All, endpoint =>
        {
            var shim = Assert.Single(Functions, f => f.GetProperty("name").GetString() == endpoint.Name);
            var trigger = Assert.Single(shim.GetProperty("bindings").EnumerateArray(), IsHttpTrigger);
            Assert.Equal(endpoint.Route, trigger.GetProperty("route").GetString());
            Assert.Equal(endpoint.Methods, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
        });
    }

    [Fact]
    public void Every_http_function_is_an_endpoint_of_the_table()
    {
        var http = Functions.Where(f => f.GetProperty("bindings").EnumerateArray().Any(IsHttpTrigger)).Select(f => f.GetProperty("name").GetString()!).ToList();

        Assert.All(http, name => Assert.NotNull(ApiEndpoints.Named(name)));
        Assert.Equal(ApiEndpoints.All.Select(e => e.Name).Order(StringComparer.Ordinal), http.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_two_endpoints_share_a_name_or_a_route_and_method()
    {
        Assert.Equal(ApiEndpoints.All.Count, ApiEndpoints.All.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());
        var routes = ApiEndpoints.All.SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}")).ToList();
        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static bool IsHttpTrigger(JsonElement binding) => binding.GetProperty("type").GetString() == "httpTrigger";
}
