using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 200 of <c>GET /api/training/export</c> once its zip went out: the handler streams the archive into the response
/// as it is produced (<c>application/zip</c>, an attachment), so that an export failing before its first byte still
/// gets the API's error shape from the host. Executing this result writes nothing more.
/// </summary>
public sealed class ZipStreamed : IResult, IEndpointMetadataProvider
{
    private ZipStreamed()
    {
    }

    /// <summary>The one instance: it carries nothing.</summary>
    public static ZipStreamed Instance { get; } = new();

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;

    /// <summary>Declares the answer: 200 with a zip.</summary>
    /// <param name="method">The handler.</param>
    /// <param name="builder">The endpoint's builder.</param>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(void), ["application/zip"]));
    }
}
