using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Cli.Serve;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision serve</c> runs the Functions app's retry timer: a page that failed for a passing reason is retried
/// once its wait (<c>Retry:FirstDelay</c>) is over on the host's clock, with no one asking.
/// </summary>
public sealed class ServeRetrySweepTests : FakeOpenAITestBase
{
    [Fact]
    public async Task A_page_refused_for_a_bad_key_is_retried_by_serve_once_its_wait_is_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Server.Enqueue(new FakeReply.HttpError(401, "invalid_api_key", "Incorrect API key provided."));
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        await using var serve = await ServeHost.StartAsync(
            new ServeSettings(IPAddress.Loopback, 0, Token: null),
            new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            {
                ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
            },
            Token,
            services => services.AddSingleton<TimeProvider>(clock));
        using var http = new HttpClient { BaseAddress = serve.Address };
        using var pdf = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await http.PostAsync(new Uri("api/estimates?name=shaft.pdf", UriKind.Relative), pdf, Token);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;

        var failed = await WaitForStatusAsync(http, id, "failed");
        var requestsBeforeWait = Server.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(15));
        var retried = await WaitForStatusAsync(http, id, "completed");

        Assert.Equal("unauthorized", failed.GetProperty("pages")[0].GetProperty("result").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, requestsBeforeWait);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(1, retried.GetProperty("retries").GetInt32());
        Assert.Equal(2.4, retried.GetProperty("totalEstimatedMinutes").GetDouble());
    }

    /// <summary>Polls the stored document until it has <paramref name="status"/>; at most 60 s.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string id, string status)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var answer = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), deadline.Token);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            if (answer.StatusCode == HttpStatusCode.OK && body.GetProperty("status").GetString() == status)
            {
                return body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
