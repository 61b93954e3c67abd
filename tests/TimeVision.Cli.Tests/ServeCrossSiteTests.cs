using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TimeVision.Cli.Serve;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision serve</c> on loopback, as a page on another site would try it through the estimator's browser: a
/// form's <c>text/plain</c> POST, a foreign <c>Origin</c>, a name of its own pointed at 127.0.0.1 (DNS rebinding).
/// </summary>
public sealed class ServeCrossSiteTests : FakeOpenAITestBase
{
    private const string EvilActivation = """{"model":"evil-model","force":true}""";

    [Fact]
    public async Task A_model_activation_another_sites_form_sends_is_refused_and_the_model_stays()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };

        using var fromForm = await SendAsync(http, HttpMethod.Post, "api/model/activate", EvilActivation, "text/plain", ("Origin", "https://evil.example"));
        using var fromScript = await SendAsync(http, HttpMethod.Post, "api/model/activate", EvilActivation, "application/json", ("Sec-Fetch-Site", "cross-site"));
        var info = await http.GetFromJsonAsync<JsonElement>(new Uri("api/model-info", UriKind.Relative), Token);

        Assert.Equal((HttpStatusCode.Forbidden, "cross_site"), (fromForm.StatusCode, await CodeAsync(fromForm)));
        Assert.Equal((HttpStatusCode.Forbidden, "cross_site"), (fromScript.StatusCode, await CodeAsync(fromScript)));
        Assert.NotEqual("evil-model", info.GetProperty("activeModel").GetString());
    }

    [Theory]
    [InlineData("api/model/activate", EvilActivation)]
    [InlineData("api/fine-tune/jobs", """{"suffix":"evil"}""")]
    [InlineData("api/history/imports", "drawing;minutes\nA-1;5\n")]
    [InlineData("api/estimates?name=x.pdf", "%PDF-1.7\n")]
    public async Task A_state_change_sent_as_text_plain_is_415_even_without_an_origin(string path, string body)
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };

        using var answer = await SendAsync(http, HttpMethod.Post, path, body, "text/plain");

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"), (answer.StatusCode, await CodeAsync(answer)));
    }

    [Fact]
    public async Task The_own_page_and_a_script_without_the_headers_reach_the_function()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };
        var own = serve.Address.GetLeftPart(UriPartial.Authority);

        // An empty model is the function's own 400: the request got past the guards.
        using var fromPage = await SendAsync(http, HttpMethod.Post, "api/model/activate", "{}", "application/json", ("Origin", own), ("Sec-Fetch-Site", "same-origin"));
        using var fromScript = await SendAsync(http, HttpMethod.Post, "api/model/activate", "{}", "application/json; charset=utf-8");
        using var linkFromElsewhere = await SendAsync(http, HttpMethod.Get, string.Empty, body: null, contentType: null, ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (fromPage.StatusCode, await CodeAsync(fromPage)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (fromScript.StatusCode, await CodeAsync(fromScript)));
        Assert.Equal(HttpStatusCode.OK, linkFromElsewhere.StatusCode);
    }

    [Fact]
    public async Task A_host_name_serve_does_not_answer_to_is_421_so_dns_rebinding_reads_nothing()
    {
        await using var serve = await StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };

        using var rebound = await SendAsync(http, HttpMethod.Get, "api/estimates", body: null, contentType: null, ("Host", $"attacker.example:{serve.Address.Port}"));
        using var localhost = await SendAsync(http, HttpMethod.Get, "api/estimates", body: null, contentType: null, ("Host", $"localhost:{serve.Address.Port}"));
        using var address = await http.GetAsync(new Uri("api/estimates", UriKind.Relative), Token);

        Assert.Equal((HttpStatusCode.MisdirectedRequest, "unknown_host"), (rebound.StatusCode, await CodeAsync(rebound)));
        Assert.Equal(HttpStatusCode.OK, localhost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, address.StatusCode);
    }

    [Fact]
    public void The_printed_address_on_every_interface_is_one_other_pcs_can_open_and_serve_answers_to()
    {
        var link = ServeAddresses.Reachable(new Uri("http://0.0.0.0:7071/"));

        Assert.NotEqual("0.0.0.0", link.Host);
        Assert.False(IPAddress.TryParse(link.Host, out var address) && IPAddress.IsLoopback(address), $"{link} is this PC only.");
        Assert.Equal(7071, link.Port);
        Assert.True(new ServeAddresses(IPAddress.Any).IsOwn(new Microsoft.AspNetCore.Http.HostString(link.Authority)));
    }

    /// <summary>A request with the given body, content type and headers (<c>Host</c> included).</summary>
    internal static Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, string? body, string? contentType, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return http.SendAsync(request, Token);
    }

    internal static async Task<string?> CodeAsync(HttpResponseMessage answer) =>
        (await answer.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error").GetProperty("code").GetString();

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(
        new ServeSettings(IPAddress.Loopback, 0, Token: null),
        new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
        },
        Token);
}
