using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Access;

/// <summary>
/// The signed-in principal's name as the request's <see cref="CallerIdentity"/>, so a label records who entered it rather
/// than the name the client typed. Used after <see cref="CallerAccess"/> has decided the principal the platform passed
/// on is believed at all; with <c>Access:Mode=open</c> (a developer's machine) nobody is vouched for and nothing is attached.
/// </summary>
public static class SignedInCaller
{
    /// <summary>What a signed-in principal without a name (an application's own credentials) is recorded as, before its client id.</summary>
    public const string UnnamedClientPrefix = "app:";

    /// <summary>
    /// Attaches the principal's name to <paramref name="context"/> (<c>app:</c> and its client id when it has no name),
    /// unless access is open or there is no principal, and its role
    /// (<see cref="CallerRole"/>: the admin with <see cref="AccessOptions.AdminRole"/>, else an estimator) unless access is open.
    /// </summary>
    /// <param name="context">The request's context.</param>
    /// <param name="access">The access settings.</param>
    public static void Attach(HttpContext context, AccessOptions access)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(access);
        if (access.IsOpen)
        {
            return;
        }

        var principal = ClientPrincipal.Read(context.Request);
        if (principal is not null)
        {
            // A believed principal is recorded even without a name, so a name the client gives never stands for it.
            CallerIdentity.SignedIn(principal.Name ?? $"{UnnamedClientPrefix}{principal.ClientId ?? "unknown"}").AttachTo(context);
        }

        var isAdmin = principal?.Roles.Contains(access.AdminRole, StringComparer.Ordinal) == true;
        (isAdmin ? CallerRole.Admin : CallerRole.Estimator).AttachTo(context);
    }

    /// <summary>
    /// The principal's name: the claim its <c>name_typ</c> names, else <c>name</c>, else <c>preferred_username</c>;
    /// <see langword="null"/> without a readable principal or name.
    /// </summary>
    /// <param name="request">The request, with the principal the platform passed on.</param>
    public static string? NameOf(HttpRequest request) => ClientPrincipal.Read(request)?.Name;
}
