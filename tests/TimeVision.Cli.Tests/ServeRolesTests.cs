using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TimeVision.Api.Access;
using TimeVision.Api.Endpoints;
using TimeVision.Cli.Serve;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using static TimeVision.Cli.Tests.ServeCrossSiteTests;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision serve</c> with its two tokens, as on <c>--listen</c>: the endpoint table's access rules (the admin
/// endpoints, as in the Functions app) hold, the cookie does not let another site in, and the link never sends the browser elsewhere.
/// </summary>
public sealed partial class ServeRolesTests : FakeOpenAITestBase
{
    private const string EstimatorToken = "estimator-token-0123456789";
    private const string AdminToken = "admin-token-0123456789abcdef";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    [Fact]
    public async Task The_estimators_token_may_use_the_api_but_not_the_admin_actions_and_the_admins_token_may()
    {
        await using var serve = await StartAsync();
        using var estimator = Client(serve, EstimatorToken);
        using var admin = Client(serve, AdminToken);

        using var list = await estimator.GetAsync(new Uri("api/estimates", UriKind.Relative), Token);
        using var export = await estimator.GetAsync(new Uri("api/training/export", UriKind.Relative), Token);
        using var activate = await SendAsync(estimator, HttpMethod.Post, "api/model/activate", """{"model":"evil-model","force":true}""", "application/json");
        using var adminExport = await admin.GetAsync(new Uri("api/training/export", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (export.StatusCode, await CodeAsync(export)));
        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (activate.StatusCode, await CodeAsync(activate)));
        Assert.Equal(HttpStatusCode.OK, adminExport.StatusCode);
        Assert.Equal("estimator", (await estimator.GetFromJsonAsync<JsonElement>(new Uri("api/caller", UriKind.Relative), Token)).GetProperty("role").GetString());
        Assert.Equal("admin", (await admin.GetFromJsonAsync<JsonElement>(new Uri("api/caller", UriKind.Relative), Token)).GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_estimators_token_is_refused_every_admin_endpoint_of_the_table_before_it_runs()
    {
        await using var serve = await StartAsync();
        using var estimator = Client(serve, EstimatorToken);

        foreach (var endpoint in ApiEndpoints.All.Where(e => e.Rule == CallerAccess.Rule.Admin))
        {
            var path = RouteParameter().Replace(endpoint.Route, "x");
            using var answer = await SendAsync(estimator, new HttpMethod(endpoint.Methods[0]), path, body: null, contentType: null);

            Assert.True(answer.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Name}: {answer.StatusCode}");
            Assert.Equal("admin_role_required", await CodeAsync(answer));
        }
    }

    [Fact]
    public async Task The_admins_cookie_on_a_text_plain_post_from_another_site_activates_nothing()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = serve.Address };
        var cookie = ("Cookie", $"{ServeAccess.CookieName}={AdminToken}");

        using var forged = await SendAsync(
            http, HttpMethod.Post, "api/model/activate", """{"model":"evil-model","force":true}""", "text/plain", cookie, ("Origin", "https://evil.example"));
        using var info = await SendAsync(http, HttpMethod.Get, "api/model-info", body: null, contentType: null, cookie);

        Assert.Equal((HttpStatusCode.Forbidden, "cross_site"), (forged.StatusCode, await CodeAsync(forged)));
        Assert.NotEqual("evil-model", (await info.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("activeModel").GetString());
    }

    [Theory]
    [InlineData("//evil.example/x", "/evil.example/x")]
    [InlineData("/\\evil.example/x", "/evil.example/x")]
    [InlineData("/estimates/abc", "/estimates/abc")]
    public async Task The_link_with_the_token_sends_the_browser_on_to_a_path_of_this_server_only(string path, string location)
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        using var answer = await http.GetAsync(new Uri($"{serve.Address.GetLeftPart(UriPartial.Authority)}{path}?token={EstimatorToken}"), Token);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(location, answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Feedback_records_the_tokens_role_beside_the_given_name_and_never_a_client_sent_import_block()
    {
        await using var serve = await StartAsync();
        using var estimator = Client(serve, EstimatorToken);
        using var pdf = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await estimator.PostAsync(new Uri("api/estimates?name=shaft.pdf", UriKind.Relative), pdf, Token);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
        var etag = await StoredETagAsync(estimator, id);
        const string forged = """
            {"actualMinutes": 4, "source": "actual", "enteredBy": "Jana", "import": {"timesFile": "erp.csv", "timesFileSha256": "00",
             "aggregate": "median", "rows": 40, "spread": {"min": 4, "max": 4, "dropped": 0}, "matchedBy": "drawing_number", "orders": []}}
            """;

        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"api/estimates/{id}/feedback", UriKind.Relative))
        {
            Content = new StringContent(forged, MediaTypeHeaderValue.Parse("application/json")),
            Headers = { IfMatch = { EntityTagHeaderValue.Parse(etag) } },
        };
        using var saved = await estimator.SendAsync(put, Token);
        var feedback = (await estimator.GetFromJsonAsync<JsonElement>(new Uri($"api/estimates/{id}", UriKind.Relative), Token)).GetProperty("feedback")[0];

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Jana (estimator)", feedback.GetProperty("enteredBy").GetString());
        Assert.False(feedback.TryGetProperty("import", out var import) && import.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Only_the_admins_token_reads_and_sets_the_rates_each_put_a_version_guarded_by_if_match()
    {
        await using var serve = await StartAsync();
        using var estimator = Client(serve, EstimatorToken);
        using var admin = Client(serve, AdminToken);
        var rates = await admin.GetStringAsync(new Uri("api/rates", UriKind.Relative), Token);

        using var refusedRead = await estimator.GetAsync(new Uri("api/rates", UriKind.Relative), Token);
        using var refusedPut = await SendAsync(estimator, HttpMethod.Put, "api/rates", rates, "application/json");
        using var first = await SendAsync(admin, HttpMethod.Put, "api/rates", rates, "application/json");
        using var stale = await SendAsync(admin, HttpMethod.Put, "api/rates", rates, "application/json", ("If-Match", "\"9\""));
        using var second = await SendAsync(admin, HttpMethod.Put, "api/rates", rates, "application/json", ("If-Match", "\"1\""));
        using var frozen = await estimator.GetAsync(new Uri($"api/estimates/{new string('a', 64)}/quotes/1", UriKind.Relative), Token);

        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (refusedRead.StatusCode, await CodeAsync(refusedRead)));
        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (refusedPut.StatusCode, await CodeAsync(refusedPut)));
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (first.StatusCode, first.Headers.ETag?.Tag));
        Assert.Equal("shop-1", (await first.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("version").GetString());
        Assert.Equal((HttpStatusCode.Conflict, "stale_token"), (stale.StatusCode, await CodeAsync(stale)));
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (second.StatusCode, second.Headers.ETag?.Tag));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (frozen.StatusCode, await CodeAsync(frozen)));
    }

    [Fact]
    public async Task Either_token_reads_the_cutting_data_but_only_the_admins_sets_it_each_put_a_version_guarded_by_if_match()
    {
        await using var serve = await StartAsync();
        using var estimator = Client(serve, EstimatorToken);
        using var admin = Client(serve, AdminToken);
        const string slower = """{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 20 } } } ] }""";

        using var read = await estimator.GetAsync(new Uri("api/cutting-data", UriKind.Relative), Token);
        using var refusedPut = await SendAsync(estimator, HttpMethod.Put, "api/cutting-data", slower, "application/json", ("If-Match", "\"0\""));
        using var refusedReset = await SendAsync(estimator, HttpMethod.Delete, "api/cutting-data", body: null, contentType: null, ("If-Match", "\"0\""));
        using var unguarded = await SendAsync(admin, HttpMethod.Put, "api/cutting-data", slower, "application/json");
        using var first = await SendAsync(admin, HttpMethod.Put, "api/cutting-data", slower, "application/json", ("If-Match", "\"0\""));
        using var stale = await SendAsync(admin, HttpMethod.Put, "api/cutting-data", slower, "application/json", ("If-Match", "\"0\""));
        var now = await estimator.GetFromJsonAsync<JsonElement>(new Uri("api/cutting-data", UriKind.Relative), Token);

        Assert.Equal((HttpStatusCode.OK, "\"0\""), (read.StatusCode, read.Headers.ETag?.Tag));
        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (refusedPut.StatusCode, await CodeAsync(refusedPut)));
        Assert.Equal((HttpStatusCode.Forbidden, "admin_role_required"), (refusedReset.StatusCode, await CodeAsync(refusedReset)));
        Assert.Equal(((HttpStatusCode)428, "if_match_required"), (unguarded.StatusCode, await CodeAsync(unguarded)));
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (first.StatusCode, first.Headers.ETag?.Tag));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "stale_token"), (stale.StatusCode, await CodeAsync(stale)));
        Assert.Equal(("stored", "shop-1"), (now.GetProperty("origin").GetString(), now.GetProperty("stored").GetProperty("version").GetString()));
        Assert.EndsWith("+shop-1", now.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static HttpClient Client(ServeHost serve, string token) =>
        new() { BaseAddress = serve.Address, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    /// <summary>The stored document's ETag, once it is stored (at most 60 s).</summary>
    private static async Task<string> StoredETagAsync(HttpClient http, string id)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var answer = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), deadline.Token);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                return answer.Headers.ETag!.Tag;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(
        new ServeSettings(IPAddress.Loopback, 0, EstimatorToken, AdminToken),
        new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
        },
        Token);
}
