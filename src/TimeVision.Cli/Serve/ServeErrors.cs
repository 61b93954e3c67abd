using Microsoft.AspNetCore.Http;

namespace TimeVision.Cli.Serve;

/// <summary>The API's error shape for answers <c>timevision serve</c> gives itself, before any function runs.</summary>
internal static class ServeErrors
{
    /// <summary>Writes <c>{"error":{"code","message","correlationId"}}</c> with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message, correlationId = context.TraceIdentifier } });
    }
}
