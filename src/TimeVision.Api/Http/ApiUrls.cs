using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Http;

/// <summary>Absolute URLs of the API's own resources, for <c>Location</c> and <c>statusUrl</c>, as the caller reached the app.</summary>
internal static class ApiUrls
{
    /// <summary><paramref name="path"/> (starting <c>/api/</c>) on the scheme, host and base path of <paramref name="request"/>.</summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
