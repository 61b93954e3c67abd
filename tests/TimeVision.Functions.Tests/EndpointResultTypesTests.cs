using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// Every endpoint of the table answers with typed results (<see cref="Results{TResult1, TResult2}"/> of
/// <see cref="Ok{TValue}"/>, <see cref="JsonHttpResult{TValue}"/>, …, each with a named response record), never an
/// untyped <see cref="IResult"/> or an MVC <see cref="IActionResult"/>, so what each endpoint can answer is in its signature.
/// </summary>
public sealed class EndpointResultTypesTests
{
    public static TheoryData<string> Endpoints => [.. ApiEndpoints.All.Select(endpoint => endpoint.Name)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void The_endpoint_answers_with_typed_results(string name)
    {
        var handler = ApiEndpoints.Named(name)!.Handler.Method;

        var answer = Unwrapped(handler.ReturnType);

        Assert.True(IsTyped(answer), $"{name} answers {answer}: make it a Results<…> of typed results with named response records.");
    }

    [Fact]
    public void The_check_refuses_untyped_results_mvc_results_and_untyped_bodies()
    {
        var anonymous = TypedResults.Ok(new { id = "a" }).GetType();

        Assert.False(IsTyped(typeof(IResult)));
        Assert.False(IsTyped(typeof(IActionResult)));
        Assert.False(IsTyped(typeof(object)));
        Assert.False(IsTyped(typeof(Ok<object>)));
        Assert.False(IsTyped(anonymous));
        Assert.False(IsTyped(typeof(Results<Ok<FeedbackSaved>, IResult>)));
        Assert.False(IsTyped(Unwrapped(typeof(Task<IResult>))));
        Assert.True(IsTyped(Unwrapped(typeof(Task<Results<Ok<FeedbackSaved>, NoContent, JsonHttpResult<ApiErrorBody>>>))));
    }

    /// <summary>What a handler's task gives, or the handler's own return type when it answers at once.</summary>
    private static Type Unwrapped(Type returned) =>
        returned.IsGenericType && (returned.GetGenericTypeDefinition() == typeof(Task<>) || returned.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returned.GetGenericArguments()[0]
            : returned;

    /// <summary>
    /// A concrete <see cref="IResult"/> that is no MVC result; a union whose every case is typed; and a body, where the
    /// result has one, of a named type rather than <see cref="object"/> or an anonymous type.
    /// </summary>
    private static bool IsTyped(Type type)
    {
        if (type.IsInterface || type.IsAbstract || !typeof(IResult).IsAssignableFrom(type) || typeof(IActionResult).IsAssignableFrom(type))
        {
            return false;
        }

        if (!type.IsGenericType)
        {
            return true;
        }

        return type.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? type.GetGenericArguments().All(IsTyped)
            : type.GetGenericArguments().All(IsNamedBody);
    }

    private static bool IsNamedBody(Type body) =>
        body != typeof(object) && !Attribute.IsDefined(body, typeof(CompilerGeneratedAttribute));
}
