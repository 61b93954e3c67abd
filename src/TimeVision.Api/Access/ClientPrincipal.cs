using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Access;

/// <summary>
/// The principal the platform's sign-in passes on in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON: its claims, with
/// <c>role_typ</c> and <c>name_typ</c> naming the claim types of roles and name). Read only once
/// <see cref="CallerAccess"/> has decided the header is the platform's, not the caller's.
/// </summary>
/// <param name="Roles">Its app roles.</param>
/// <param name="Name">Its name: the claim <c>name_typ</c> names, else <c>name</c>, else <c>preferred_username</c>.</param>
/// <param name="ClientId">
/// Which client it is when it has no name (an application signed in with its own credentials): its <c>azp</c> or
/// <c>appid</c> claim, else its object id (<c>oid</c>).
/// </param>
public sealed record ClientPrincipal(IReadOnlyList<string> Roles, string? Name, string? ClientId = null)
{
    private static readonly string[] ClientIdClaims = ["azp", "appid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>The header App Service and Container Apps authentication pass the signed-in principal in.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The principal in <paramref name="request"/>, or <see langword="null"/> when there is none or it cannot be read.</summary>
    /// <param name="request">The request.</param>
    public static ClientPrincipal? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[Header].FirstOrDefault() is not { Length: > 0 } encoded)
        {
            return null;
        }

        try
        {
            using var principal = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = principal.RootElement;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(claim => (Type: claim.GetProperty("typ").GetString(), Value: claim.GetProperty("val").GetString()))
                .ToList();
            var roleType = TypeNamed(root, "role_typ");
            var nameType = TypeNamed(root, "name_typ");
            var roles = claims.Where(claim => claim.Type is { } type && (type == roleType || type == "roles")).Select(claim => claim.Value ?? string.Empty).ToList();
            var name = new[] { nameType, "name", "preferred_username" }
                .Select(wanted => claims.FirstOrDefault(claim => wanted is not null && claim.Type == wanted && !string.IsNullOrWhiteSpace(claim.Value)).Value)
                .FirstOrDefault(value => value is not null);
            var clientId = ClientIdClaims
                .Select(wanted => claims.FirstOrDefault(claim => claim.Type == wanted && !string.IsNullOrWhiteSpace(claim.Value)).Value)
                .FirstOrDefault(value => value is not null);
            return new ClientPrincipal(roles, name, clientId);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? TypeNamed(JsonElement principal, string property) =>
        principal.TryGetProperty(property, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
}
