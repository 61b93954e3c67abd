using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>What the fault tests do through the HTTP functions, and how they tell one page's model calls from another's.</summary>
internal static class HarnessCalls
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary><c>POST /api/estimates</c> with <paramref name="pdf"/>; the 202 body.</summary>
    public static async Task<JsonElement> PostAsync(this FunctionsHarness harness, byte[] pdf) =>
        Json(Assert.IsType<Accepted<EstimateAccepted>>((await harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), harness.Client, Token)).Result).Value);

    /// <summary>Posts <paramref name="pdf"/>, waits for its run to end, and returns the document id.</summary>
    public static async Task<string> PostAndWaitAsync(this FunctionsHarness harness, byte[] pdf)
    {
        var id = (await harness.PostAsync(pdf)).GetProperty("id").GetString()!;
        await harness.WaitAsync(id);
        return id;
    }

    /// <summary><c>GET /api/estimates/{id}</c> as the caller gets it: the handler's typed answer.</summary>
    public static async Task<IResult> GetAsync(this FunctionsHarness harness, string id) =>
        (await harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, harness.Client, Token)).Result;

    /// <summary>The stored document estimate, through <c>GET /api/estimates/{id}</c>, which must answer 200.</summary>
    public static async Task<DocumentEstimate> StoredAsync(this FunctionsHarness harness, string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(await harness.GetAsync(id)).Value);

    /// <summary>The status code of an answer.</summary>
    public static int? StatusCode(IResult result) => Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode;

    /// <summary>The error code of an error answer.</summary>
    public static string ErrorCode(IResult result) => Json(Assert.IsType<JsonHttpResult<ApiErrorBody>>(result).Value).GetProperty("error").GetProperty("code").GetString()!;

    /// <summary>A value as the caller reads it: JSON with the web defaults.</summary>
    public static JsonElement Json(object? value) => JsonDocument.Parse(JsonSerializer.Serialize(value, JsonSerializerOptions.Web)).RootElement;

    /// <summary>The hash of the page image a model call carried: which page (of which document) the call was about.</summary>
    public static string ImageKey(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Body["messages"]![1]!["content"]!.AsArray()
            .Single(part => part?["type"]?.GetValue<string>() == "image_url")!["image_url"]!["url"]!.GetValue<string>();
        return Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..])));
    }

    /// <summary>
    /// The hash of each stored page image of <paramref name="document"/>, by page number: the image the model is sent is
    /// the one stored, byte for byte, so this names the model calls about each page (<see cref="ImageKey"/>).
    /// </summary>
    public static async Task<Dictionary<int, string>> PageImageKeysAsync(this FunctionsHarness harness, DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blobs = harness.Services.GetRequiredService<IBlobStore>();
        var keys = new Dictionary<int, string>();
        foreach (var page in document.Pages)
        {
            using var png = new MemoryStream();
            Assert.True(await blobs.DownloadToAsync(page.Image!, png, Token), $"page {page.Page} of {document.Id} has no stored image");
            keys[page.Page] = Convert.ToHexStringLower(SHA256.HashData(png.ToArray()));
        }

        return keys;
    }

    /// <summary>How many model calls carried each page image (<see cref="ImageKey"/>).</summary>
    public static Dictionary<string, int> CallsByPageImage(this FakeOpenAIServer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Requests.GroupBy(ImageKey).ToDictionary(calls => calls.Key, calls => calls.Count(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every page of <paramref name="documents"/> reached the model exactly once, no other call was made, and no call
    /// broke the API's rules.
    /// </summary>
    public static async Task AssertEachPageReachedTheModelOnceAsync(this FunctionsHarness harness, IEnumerable<DocumentEstimate> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var pages = new List<string>();
        foreach (var document in documents)
        {
            pages.AddRange((await harness.PageImageKeysAsync(document)).Values);
        }

        var calls = harness.Model.CallsByPageImage();
        Assert.True(pages.Distinct(StringComparer.Ordinal).Count() == pages.Count, "Two pages have the same image: the test cannot tell their calls apart.");
        Assert.Equal(pages.Order(StringComparer.Ordinal), calls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1], calls.Values.Distinct());
        Assert.Empty(harness.Model.Violations);
    }

    /// <summary>
    /// Makes the model's first call stop <paramref name="service"/> before it is answered (every call is answered with
    /// <see cref="SampleEstimates.ShaftJson"/>): the outage starts at a known step of the run. The task ends once the
    /// service has stopped.
    /// </summary>
    public static Task StopAtFirstModelCall(this FunctionsHarness harness, ServiceProcess service)
    {
        ArgumentNullException.ThrowIfNull(harness);
        ArgumentNullException.ThrowIfNull(service);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        harness.Model.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson())
        {
            HeldUntil = Interlocked.Increment(ref calls) == 1 ? StopAsync() : stopped.Task,
        };
        return stopped.Task;

        async Task StopAsync()
        {
            try
            {
                await service.StopAsync(CancellationToken.None);
                stopped.SetResult();
            }
            catch (Exception exception)
            {
                stopped.SetException(exception);
                throw;
            }
        }
    }
}
