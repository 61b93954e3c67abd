using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Functions.Triggers;

namespace TimeVision.Cli.Serve;

/// <summary>
/// Maps every HTTP function of the Functions app onto this ASP.NET Core app, with the route and methods of its
/// <see cref="HttpTriggerAttribute"/>: the same function class answers, built from this host's services, with a
/// <see cref="DurableTaskClient"/> on the local engine. So <c>timevision serve</c> has the Functions app's routes,
/// handlers and JSON by construction, and a new HTTP function appears here without a line changed.
/// </summary>
internal static class FunctionEndpoints
{
    /// <summary>One HTTP function: its name, route, methods and the method that answers.</summary>
    public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method);

    /// <summary>Every HTTP function in the Functions app, by name.</summary>
    public static IReadOnlyList<HttpFunction> All { get; } = Discover();

    /// <summary>Maps every HTTP function.</summary>
    /// <param name="routes">The app's route builder.</param>
    public static void MapHttpFunctions(this IEndpointRouteBuilder routes)
    {
        foreach (var function in All)
        {
            var bind = Binders(function.Method);
            routes.MapMethods("/" + function.Route, function.Methods, context => InvokeAsync(context, function, bind))
                .WithDisplayName(function.Name)
                .WithMetadata(function);
        }
    }

    /// <summary>The HTTP function a request was routed to, or <see langword="null"/> when none matched.</summary>
    /// <param name="context">The request.</param>
    public static HttpFunction? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>();

    private static async Task InvokeAsync(HttpContext context, HttpFunction function, IReadOnlyList<Func<HttpContext, object?>> bind)
    {
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, function.Method.DeclaringType!);
        var arguments = bind.Select(binder => binder(context)).ToArray();
        var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        var result = returned switch
        {
            Task<IActionResult> pending => await pending,
            IActionResult done => done,
            _ => throw new InvalidOperationException($"{function.Name} returned {returned?.GetType().Name ?? "null"}, not an IActionResult."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static List<HttpFunction> Discover() =>
        [.. typeof(WebPage).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (method, name: method.GetCustomAttribute<FunctionAttribute>()?.Name, trigger: method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault()))
            .Where(found => found.name is not null && found.trigger is not null)
            .Select(found => new HttpFunction(
                found.name!,
                found.trigger!.Route ?? found.name!,
                [.. (found.trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())],
                found.method))
            .OrderBy(function => function.Name, StringComparer.Ordinal)];

    /// <summary>How each parameter of a function gets its value; a parameter this host cannot give fails at start-up, not per request.</summary>
    private static List<Func<HttpContext, object?>> Binders(MethodInfo method) =>
        [.. method.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var type when type == typeof(HttpRequest) => context => context.Request,
            var type when type == typeof(CancellationToken) => context => context.RequestAborted,
            var type when type == typeof(DurableTaskClient) => context => context.RequestServices.GetRequiredService<DurableTaskClient>(),
            var type when type == typeof(string) => (Func<HttpContext, object?>)(context => context.GetRouteValue(parameter.Name!) as string ?? string.Empty),
            _ => throw new NotSupportedException(
                $"timevision serve cannot give {method.DeclaringType!.Name}.{method.Name} its parameter {parameter.Name} ({parameter.ParameterType.Name})."),
        })];
}
