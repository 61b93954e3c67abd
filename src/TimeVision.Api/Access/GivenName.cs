using Microsoft.AspNetCore.Http;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Api.Access;

/// <summary>
/// Who entered what a request records when its body has no room for a name (a features correction, a plan's
/// acceptance, a frozen quote): the name the page sends as <c>?enteredBy=</c>, taken as feedback's <c>enteredBy</c> is
/// — the caller the host vouches for wins (<see cref="CallerIdentity"/>), and a host that vouches for nobody records
/// the given name alone.
/// </summary>
public static class GivenName
{
    /// <summary>The query parameter that carries the name.</summary>
    public const string QueryName = "enteredBy";

    /// <summary>Who the request records as its author, or <see langword="null"/> when no one is vouched for and no name is given.</summary>
    /// <param name="request">The request.</param>
    public static string? EnteredBy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Query[QueryName].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            given = null;
        }
        else if (given.Length > FeedbackLimits.MaxShortTextLength)
        {
            given = given[..FeedbackLimits.MaxShortTextLength];
        }

        return CallerIdentity.Of(request.HttpContext)?.EnteredBy(given) ?? given;
    }
}
