using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Endpoints;
using TimeVision.Cli.Serve;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision serve</c>: the HTTP API's endpoint table on this machine, in process (the API round trip) and as a
/// real process (the access token on a non-loopback listen).
/// </summary>
public sealed class ServeCommandTests : FakeOpenAITestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = SampleEstimates.Reply;
    }

    [Fact]
    public async Task Every_endpoint_of_the_table_is_served_with_its_route_and_methods()
    {
        await using var serve = await StartAsync();

        var served = serve.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e.Metadata.GetMetadata<ApiEndpoint>(), e.RoutePattern.RawText, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .ToList();

        Assert.All(ApiEndpoints.All, endpoint =>
        {
            var route = Assert.Single(served, s => s.Endpoint == endpoint);
            Assert.Equal(endpoint.Route, route.RawText!.TrimStart('/'));
            Assert.Equal(endpoint.Methods, route.Methods!);
        });
        Assert.Contains(ApiEndpoints.All, e => e is { Name: "ListEstimates", Route: "api/estimates" } && e.Methods.SequenceEqual(["GET"]));
    }

    [Fact]
    public async Task A_port_another_program_uses_is_one_clear_error_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRunner.RunProcessAsync(ServerEnvironment, "serve", "--port", $"{port}", "--data", Path.Combine(Folder.Path, "data"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("address_in_use", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("choose another --port", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(run.Stderr.Contains("   at ", StringComparison.Ordinal), run.Stderr);
    }

    [Fact]
    public async Task Serve_help_says_how_the_model_and_its_key_are_set()
    {
        var run = await CliRunner.InvokeAsync("serve", "--help");

        Assert.Contains("OPENAI_API_KEY", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("model activate", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_posted_to_serve_is_estimated_listed_and_its_page_image_served_with_the_security_headers()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };
        using var pdf = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        using var posted = await http.PostAsync(new Uri("api/estimates?name=shaft.pdf", UriKind.Relative), pdf, Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
        var document = await WaitForEstimateAsync(http, id);
        var list = await http.GetFromJsonAsync<JsonElement>(new Uri("api/estimates?q=SHAFT", UriKind.Relative), Token);
        using var image = await http.GetAsync(new Uri($"api/estimates/{id}/pages/1/image", UriKind.Relative), Token);
        using var page = await http.GetAsync(new Uri($"estimates/{id}", UriKind.Relative), Token);

        Assert.Equal(2.4, document.GetProperty("totalEstimatedMinutes").GetDouble());
        var headline = document.GetProperty("headline");   // the text layer's chamfer, read at high confidence: the engine heads
        Assert.Equal(("engine", Math.Round(document.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble(), 2)), (headline.GetProperty("method").GetString(), headline.GetProperty("minutes").GetDouble()));
        Assert.Equal(("model", 2.4), (headline.GetProperty("other").GetProperty("method").GetString(), headline.GetProperty("other").GetProperty("minutes").GetDouble()));
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PngSignature, (await image.Content.ReadAsByteArrayAsync(Token))[..8]);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_estimates_plan_is_served_and_the_estimators_features_make_a_new_plan_guarded_by_the_etag()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };
        using var pdf = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), Token));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await http.PostAsync(new Uri("api/estimates", UriKind.Relative), pdf, Token);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
        await WaitForEstimateAsync(http, id);
        var plan = new Uri($"api/estimates/{id}/plan", UriKind.Relative);
        var features = new Uri($"api/estimates/{id}/features", UriKind.Relative);

        using var first = await http.GetAsync(plan, Token);
        var etag = first.Headers.ETag!.ToString();
        using var corrected = await http.SendAsync(Put(features, etag), Token);
        using var stale = await http.SendAsync(Put(features, etag), Token);
        using var read = await http.GetAsync(plan, Token);

        var before = await first.Content.ReadFromJsonAsync<JsonElement>(Token);
        var after = await corrected.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal((HttpStatusCode.OK, 1), (first.StatusCode, before.GetProperty("features").GetProperty("version").GetInt32()));
        Assert.Contains(before.GetProperty("plan").GetProperty("routing").GetProperty("operations").EnumerateArray(), o => o.GetProperty("kind").GetString() == "drilling");
        Assert.NotEmpty(before.GetProperty("features").GetProperty("readings").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "model").GetProperty("features").GetProperty("features").EnumerateArray());
        Assert.Equal((HttpStatusCode.OK, 2), (corrected.StatusCode, after.GetProperty("features").GetProperty("version").GetInt32()));
        Assert.Equal(corrected.Headers.ETag!.ToString(), after.GetProperty("etag").GetString());
        Assert.Equal(Math.Round(after.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble(), 2), after.GetProperty("headline").GetProperty("minutes").GetDouble());
        Assert.Equal(("engine", "model"), (after.GetProperty("headline").GetProperty("method").GetString(), after.GetProperty("headline").GetProperty("other").GetProperty("method").GetString()));
        Assert.Contains(after.GetProperty("plan").GetProperty("routing").GetProperty("operations").EnumerateArray().SelectMany(o => o.GetProperty("lines").EnumerateArray()),
            l => l.GetProperty("featureId").GetString() == "e1");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("stale_token", (await stale.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(after.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble(),
            (await read.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble());
    }

    private static HttpRequestMessage Put(Uri features, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, features)
        {
            Content = new StringContent("""{ "features": [ { "id": "e1", "type": "reaming", "count": 2, "diameterMm": 8, "depthMm": 20 } ] }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task A_bad_list_query_and_an_unknown_document_get_the_apis_error_shape()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };

        using var badQuery = await http.GetAsync(new Uri("api/estimates?pageSize=1000", UriKind.Relative), Token);
        using var unknown = await http.DeleteAsync(new Uri($"api/estimates/{new string('a', 64)}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Equal("invalid_query", (await badQuery.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await unknown.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Serve_on_another_address_prints_a_token_once_and_lets_only_requests_with_it_in()
    {
        using var process = CliRunner.Start(ServerEnvironment, "serve", "--listen", "127.0.0.1", "--port", "0", "--data", Path.Combine(Folder.Path, "data"));
        try
        {
            var (address, token, adminToken) = await ReadBannerAsync(process);
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            using var http = new HttpClient(handler) { BaseAddress = address };

            using var anonymous = await http.GetAsync(new Uri("api/estimates", UriKind.Relative), Token);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/estimates") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token-at-all") } };
            using var wrongAnswer = await http.SendAsync(wrong, Token);
            using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/estimates") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var bearerAnswer = await http.SendAsync(bearer, Token);
            using var link = await http.GetAsync(new Uri($"?token={Uri.EscapeDataString(token)}", UriKind.Relative), Token);
            var cookie = link.Headers.GetValues("Set-Cookie").Single();
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, "api/estimates") { Headers = { { "Cookie", cookie.Split(';')[0] } } };
            using var cookieAnswer = await http.SendAsync(withCookie, Token);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("token_required", (await anonymous.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, bearerAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
            Assert.Equal("/", link.Headers.Location!.OriginalString);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, cookieAnswer.StatusCode);
            Assert.NotEqual(token, adminToken);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(
        new ServeSettings(IPAddress.Loopback, 0, Token: null),
        new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
        },
        Token);

    /// <summary>Polls the document until it is stored, as the page does; at most 60 s.</summary>
    private static async Task<JsonElement> WaitForEstimateAsync(HttpClient http, string id)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var answer = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), deadline.Token);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                return await answer.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            }

            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    [Fact]
    public async Task Serve_takes_its_tokens_from_a_file_and_the_environment_and_never_prints_them()
    {
        const string estimatorToken = "estimator-from-file-0123456789";
        const string adminToken = "admin-from-environment-0123456789";
        var tokenFile = Path.Combine(Folder.Path, "token");
        await File.WriteAllTextAsync(tokenFile, estimatorToken + "\n", Token);
        var environment = new Dictionary<string, string?>(ServerEnvironment) { ["TIMEVISION_ADMIN_TOKEN"] = adminToken };
        using var process = CliRunner.Start(
            environment, "serve", "--listen", "127.0.0.1", "--port", "0", "--token-file", tokenFile, "--data", Path.Combine(Folder.Path, "data"));
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            var banner = new[]
            {
                await process.StandardOutput.ReadLineAsync(deadline.Token), await process.StandardOutput.ReadLineAsync(deadline.Token),
                await process.StandardOutput.ReadLineAsync(deadline.Token),
            };
            var address = new Uri(banner[0]![banner[0]!.IndexOf("http", StringComparison.Ordinal)..]);
            using var http = new HttpClient { BaseAddress = address };
            using var estimator = new HttpRequestMessage(HttpMethod.Get, "api/training/export") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", estimatorToken) } };
            using var estimatorAnswer = await http.SendAsync(estimator, Token);
            using var admin = new HttpRequestMessage(HttpMethod.Get, "api/training/export") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", adminToken) } };
            using var adminAnswer = await http.SendAsync(admin, Token);

            Assert.Equal($"Estimators' token: from {tokenFile}", banner[1]);
            Assert.Equal("Admin's token: from TIMEVISION_ADMIN_TOKEN", banner[2]);
            Assert.Equal(HttpStatusCode.Forbidden, estimatorAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The address and the two tokens serve prints, read as it starts (at most 60 s: a real process must start).</summary>
    private static async Task<(Uri Address, string Token, string AdminToken)> ReadBannerAsync(Process process)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var serving = await process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync(Token));
        var address = new Uri(serving[serving.IndexOf("http", StringComparison.Ordinal)..]);
        var estimatorLink = await process.StandardOutput.ReadLineAsync(deadline.Token);
        var adminLink = await process.StandardOutput.ReadLineAsync(deadline.Token);
        Assert.StartsWith("Estimators' link", estimatorLink, StringComparison.Ordinal);
        Assert.StartsWith("Admin's link", adminLink, StringComparison.Ordinal);
        return (address, TokenOf(estimatorLink!, address), TokenOf(adminLink!, address));
    }

    private static string TokenOf(string line, Uri address)
    {
        var link = new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..]);
        Assert.Equal(address, new Uri(link.GetLeftPart(UriPartial.Path)));
        Assert.StartsWith("?token=", link.Query, StringComparison.Ordinal);
        return Uri.UnescapeDataString(link.Query["?token=".Length..]);
    }
}
