using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Functions.Triggers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>A handler's typed result, returned by a Functions shim, reaches the caller in the API's wire format.</summary>
public sealed class HttpResultShimsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_typed_error_from_a_shim_is_written_in_the_apis_error_shape_with_its_status()
    {
        var (status, contentType, body) = await ExecuteAsync(Task.FromResult(ApiError.Json(StatusCodes.Status400BadRequest, "invalid_model_id", "Not a model id.")));

        var error = body.GetProperty("error");
        Assert.Equal((400, "application/json"), (status, contentType?.Split(';')[0]));
        Assert.Equal(("invalid_model_id", "Not a model id."), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_typed_answer_from_a_shim_is_written_as_camel_case_json()
    {
        Results<Ok<ApiErrorDetail>, NotFound> answer = TypedResults.Ok(new ApiErrorDetail("a", "b", "c"));

        var (status, _, body) = await ExecuteAsync(Task.FromResult(answer));

        Assert.Equal((200, "a", "c"), (status, body.GetProperty("code").GetString(), body.GetProperty("correlationId").GetString()));
    }

    private static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync<TResult>(Task<TResult> answer)
        where TResult : IResult
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        var result = await answer.AsActionResultAsync();
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType, (await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: Token)).RootElement);
    }
}
