using Microsoft.AspNetCore.Http;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Api.Access;

/// <summary>
/// Who the host vouches made a request, as the labels a person enters record it (feedback's <c>enteredBy</c>): in the
/// Functions app the signed-in principal's name, which replaces any name the client sends (<see cref="SignedInCaller"/>);
/// in <c>timevision serve</c> with access tokens the token's role, added to the name the client gives. A host that
/// vouches for nobody (serve on loopback without tokens, <c>Access:Mode=open</c>) attaches none, and the name the
/// client gives stands.
/// </summary>
public sealed class CallerIdentity
{
    private readonly string _name;
    private readonly bool _keepsGivenName;

    private CallerIdentity(string name, bool keepsGivenName)
    {
        _name = name;
        _keepsGivenName = keepsGivenName;
    }

    /// <summary>A signed-in person or client: their name is the only one recorded.</summary>
    /// <param name="name">The principal's name.</param>
    public static CallerIdentity SignedIn(string name) => new(name, keepsGivenName: false);

    /// <summary>The holder of an access token with this role (<c>admin</c>, <c>estimator</c>): the role is recorded beside the name they give.</summary>
    /// <param name="role">The token's role.</param>
    public static CallerIdentity TokenRole(string role) => new(role, keepsGivenName: true);

    /// <summary>The identity the host attached to this request, if any.</summary>
    /// <param name="context">The request's context.</param>
    public static CallerIdentity? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CallerIdentity>();
    }

    /// <summary>Attaches this identity to the request, for the function that answers it.</summary>
    /// <param name="context">The request's context.</param>
    public void AttachTo(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(this);
    }

    /// <summary>
    /// What a label entered in this request records as its author: the principal's name, or <c>given (role)</c> (the
    /// given name shortened to fit <see cref="FeedbackLimits.MaxShortTextLength"/>), or the role when no name is given.
    /// </summary>
    /// <param name="given">The name the client sent.</param>
    public string EnteredBy(string? given)
    {
        if (!_keepsGivenName || string.IsNullOrWhiteSpace(given))
        {
            return Fit(_name, FeedbackLimits.MaxShortTextLength);
        }

        var suffix = $" ({_name})";
        return Fit(given.Trim(), FeedbackLimits.MaxShortTextLength - suffix.Length) + suffix;
    }

    private static string Fit(string text, int maxLength) => text.Length <= maxLength ? text : text[..Math.Max(0, maxLength)];
}
