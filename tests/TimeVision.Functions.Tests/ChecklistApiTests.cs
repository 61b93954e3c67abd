using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using TimeVision.Api.Access;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Checklist;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Testing;

namespace TimeVision.Functions.Tests;

/// <summary><c>GET</c> and <c>PUT /api/estimates/{id}/checklist</c> on the local stores: one line at a time, with who the host knows the caller as.</summary>
public sealed class ChecklistApiTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalEstimateStore _estimates;
    private readonly ChecklistApi _api;

    public ChecklistApiTests()
    {
        _estimates = new LocalEstimateStore(_folder.Path);
        _api = new ChecklistApi(new ChecklistService(new LocalChecklistStore(_folder.Path), _estimates, TimeProvider.System), NullLogger<ChecklistApi>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tick_is_stored_with_the_signed_in_callers_name_rather_than_the_one_sent_and_read_back()
    {
        var id = await StoredDocumentAsync();
        var put = Put("""{"item": "p1.material", "checked": true, "enteredBy": "Someone else"}""");
        CallerIdentity.SignedIn("jana@shop.example").AttachTo(put.HttpContext);

        var saved = Assert.IsType<Ok<DocumentChecklist>>((await _api.PutAsync(put, id, Token)).Result);
        var read = Assert.IsType<Ok<DocumentChecklist>>((await _api.GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result);

        Assert.Equal(("p1.material", true, "jana@shop.example"), (saved.Value!.Items[0].Item, saved.Value.Items[0].Checked, saved.Value.Items[0].By));
        var json = JsonSerializer.SerializeToElement(read.Value, JsonSerializerOptions.Web);
        Assert.Equal(id, json.GetProperty("documentId").GetString());
        Assert.Equal("jana@shop.example", json.GetProperty("items")[0].GetProperty("by").GetString());
    }

    [Theory]
    [InlineData("""{"item": "p1.material"}""", 400)]
    [InlineData("""{"item": "../etc", "checked": true}""", 400)]
    [InlineData("""{"item": "p1.material", "checked": "yes"}""", 400)]
    [InlineData("not json", 400)]
    public async Task A_line_the_page_would_not_send_is_refused_with_its_status(string body, int status)
    {
        var id = await StoredDocumentAsync();

        var result = await _api.PutAsync(Put(body), id, Token);

        var error = Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);
        Assert.Equal((status, "invalid_checklist"), (error.StatusCode!.Value, error.Value!.Error.Code));
    }

    [Fact]
    public async Task An_unknown_document_and_an_oversized_body_are_refused()
    {
        var unknown = await _api.GetAsync(FunctionsHarness.Request("GET"), new string('a', 64), Token);
        var huge = await _api.PutAsync(Put($$"""{"item": "p1.material", "checked": true, "enteredBy": "{{new string('x', 4000)}}"}"""), await StoredDocumentAsync(), Token);

        Assert.Equal(404, Assert.IsType<JsonHttpResult<ApiErrorBody>>(unknown.Result).StatusCode);
        Assert.Equal(413, Assert.IsType<JsonHttpResult<ApiErrorBody>>(huge.Result).StatusCode);
    }

    public void Dispose() => _folder.Dispose();

    private static Microsoft.AspNetCore.Http.HttpRequest Put(string body) => FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(body), "application/json");

    private async Task<string> StoredDocumentAsync()
    {
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await _estimates.SaveAsync(DocumentEstimate.Rejected(id, "drawing.pdf", DocumentSource.Http, new RenderError(RenderErrorCode.NotPdf, "not a PDF"), DateTimeOffset.UtcNow), null, Token);
        return id;
    }
}
