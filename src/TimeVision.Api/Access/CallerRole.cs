using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Access;

/// <summary>
/// What the caller may do, as the host decided it (<see cref="CallerAccess"/>): the page asks for it
/// (<c>GET /api/caller</c>) to show the admin's actions to the admin only. The Functions app attaches it from the
/// principal's app roles, <c>timevision serve</c> from the access token's role. A host that checks no one (serve on
/// loopback without tokens, <c>Access:Mode=open</c>) attaches none, and every caller is the admin, as the API treats them.
/// </summary>
/// <param name="Role"><see cref="AdminRole"/> or <see cref="EstimatorRole"/>.</param>
public sealed record CallerRole([property: JsonPropertyName("role")] string Role)
{
    /// <summary>The admin's role: every endpoint.</summary>
    public const string AdminRole = "admin";

    /// <summary>The estimators' role: every endpoint but the admin's.</summary>
    public const string EstimatorRole = "estimator";

    /// <summary>The admin.</summary>
    public static CallerRole Admin { get; } = new(AdminRole);

    /// <summary>An estimator.</summary>
    public static CallerRole Estimator { get; } = new(EstimatorRole);

    /// <summary>The role the host attached to this request, or <see cref="Admin"/> when it checks no one.</summary>
    /// <param name="context">The request's context.</param>
    public static CallerRole Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CallerRole>() ?? Admin;
    }

    /// <summary>Attaches this role to the request.</summary>
    /// <param name="context">The request's context.</param>
    public void AttachTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(this);
    }
}
