using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Cli.Serve;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Hosting.Local;

namespace TimeVision.Cli.Tests;

/// <summary>
/// A crash loses nothing: <c>timevision serve</c> killed (SIGKILL) while a document runs is resumed at the next start
/// of <c>serve</c> or <c>estimate</c>, from its stored PDF and the page results it had stored, and the model is asked
/// only for the pages it had not answered; a second process on the same data folder is refused.
/// </summary>
public sealed class CrashRecoveryTests : FakeOpenAITestBase
{
    private const int Pages = 4;
    private const int AnsweredBeforeKill = 2;

    private string Data => Path.Combine(Folder.Path, "data");

    [Fact]
    public async Task A_document_running_when_serve_is_killed_resumes_at_the_next_start_asking_only_the_unanswered_pages()
    {
        var (id, askedBeforeKill) = await KillServeMidRunAsync();
        var release = new TaskCompletionSource();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson()) { HeldUntil = release.Task };

        await using var serve = await StartServeAsync();
        using var http = new HttpClient { BaseAddress = serve.Address };
        using var running = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), Token);
        using var retried = await http.PostAsync(new Uri($"api/estimates/{id}/retry", UriKind.Relative), content: null, Token);
        release.SetResult();
        var document = await WaitForEstimateAsync(http, id);

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal("running", (await running.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal("in_progress", (await retried.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());
        Assert.Equal("completed", document.GetProperty("status").GetString());
        Assert.Equal(Pages, document.GetProperty("pages").EnumerateArray().Count(p => p.GetProperty("status").GetString() == "completed"));
        Assert.Equal(Pages - AnsweredBeforeKill, Server.Requests.Count - askedBeforeKill);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Data, "runs")));
    }

    [Fact]
    public async Task The_next_estimate_command_finishes_a_document_serve_was_killed_in_the_middle_of()
    {
        var (id, askedBeforeKill) = await KillServeMidRunAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        var other = Folder.Write("other.pdf", TestPdfs.WithPages(1, widthMm: 210, heightMm: 148));

        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", other, "--data", Data, "--json");
        var resumed = await new LocalEstimateStore(Data).GetAsync(id, Token);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"{id}: its run did not finish", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("completed", run.Json.GetProperty("status").GetString());
        Assert.Equal(DocumentStatus.Completed, resumed?.Status);
        Assert.Equal(Pages, resumed!.Pages.Count);
        Assert.Equal(Pages - AnsweredBeforeKill + 1, Server.Requests.Count - askedBeforeKill);
    }

    [Fact]
    public async Task A_second_serve_on_the_same_data_folder_is_refused_until_the_first_stops()
    {
        var first = await StartServeAsync();
        CliRun refused;
        try
        {
            refused = await CliRunner.InvokeAsync("serve", "--port", "0", "--data", Data);
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var after = await StartServeAsync();

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        var error = refused.Json.GetProperty("error");
        Assert.Equal("data_folder_in_use", error.GetProperty("code").GetString());
        Assert.Contains("timevision serve is running on the data folder", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(after.Address);
    }

    [Fact]
    public async Task Serve_removes_the_partial_files_written_before_it_started_and_keeps_newer_ones()
    {
        var started = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10);
        var old = WritePartial(Path.Combine(Data, "blobs", "pages", "a", "page-001.png.0f.partial"), started - TimeSpan.FromHours(1));
        var oldEstimate = WritePartial(Path.Combine(Data, "estimates", "a", "document.json.1e.partial"), started - TimeSpan.FromSeconds(1));
        var fresh = WritePartial(Path.Combine(Data, "blobs", "drawings", "b.pdf.2d.partial"), started + TimeSpan.FromMinutes(1));
        var kept = WritePartial(Path.Combine(Data, "blobs", "drawings", "c.pdf"), started - TimeSpan.FromHours(1));

        await using var serve = await StartServeAsync(services => services.AddSingleton(new ProcessStart(started)));

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldEstimate));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(kept));
    }

    private static string WritePartial(string path, DateTimeOffset writtenAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, writtenAt.UtcDateTime);
        return path;
    }

    /// <summary>
    /// Starts <c>timevision serve</c> as a real process, posts a <see cref="Pages"/>-page PDF, lets the model answer
    /// <see cref="AnsweredBeforeKill"/> pages and holds the others, then kills the process (SIGKILL) with those pages
    /// asked and unanswered. Returns the document id and how many requests the model had seen.
    /// </summary>
    private async Task<(string Id, int AskedBeforeKill)> KillServeMidRunAsync()
    {
        var never = new TaskCompletionSource();
        var calls = 0;
        Server.Fallback = _ => Interlocked.Increment(ref calls) <= AnsweredBeforeKill
            ? new FakeReply.Content(SampleEstimates.ShaftJson())
            : new FakeReply.Content(SampleEstimates.ShaftJson()) { HeldUntil = never.Task };
        using var process = CliRunner.Start(ServerEnvironment, "serve", "--port", "0", "--data", Data);
        try
        {
            using var http = new HttpClient { BaseAddress = await ReadAddressAsync(process) };
            var id = await PostAsync(http, TestPdfs.WithPages(Pages));
            await WaitUntilAsync(async () =>
                Server.Requests.Count == Pages && await PagesEstimatedAsync(http, id) == AnsweredBeforeKill);
            return (id, Server.Requests.Count);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private Task<ServeHost> StartServeAsync(Action<IServiceCollection>? configureServices = null) => ServeHost.StartAsync(
        new ServeSettings(IPAddress.Loopback, 0, Token: null),
        new Dictionary<string, string?>(ServerSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Storage:DataDirectory"] = Data,
        },
        Token,
        configureServices);

    private static async Task<string> PostAsync(HttpClient http, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await http.PostAsync(new Uri("api/estimates?name=four.pdf", UriKind.Relative), content, Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    private static async Task<int> PagesEstimatedAsync(HttpClient http, string id)
    {
        using var answer = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), Token);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Token);
        return answer.StatusCode == HttpStatusCode.Accepted && body.GetProperty("progress") is { ValueKind: JsonValueKind.Object } progress
            ? progress.GetProperty("pagesEstimated").GetInt32()
            : -1;
    }

    /// <summary>Polls the document until it is stored, as the page does; at most 60 s.</summary>
    private static async Task<JsonElement> WaitForEstimateAsync(HttpClient http, string id)
    {
        JsonElement document = default;
        await WaitUntilAsync(async () =>
        {
            using var answer = await http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), Token);
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"GET answered {answer.StatusCode}");
            document = await answer.Content.ReadFromJsonAsync<JsonElement>(Token);
            return answer.StatusCode == HttpStatusCode.OK;
        });
        return document;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; at most 60 s (a real process must start and render).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>The address serve prints as it starts.</summary>
    private static async Task<Uri> ReadAddressAsync(Process process)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var serving = await process.StandardOutput.ReadLineAsync(deadline.Token)
            ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync(Token));
        return new Uri(serving[serving.IndexOf("http", StringComparison.Ordinal)..]);
    }
}
