using TimeVision.Api.Access;

namespace TimeVision.Api.Endpoints;

/// <summary>
/// One endpoint of the API or the page, as both hosts serve it: <c>timevision serve</c> maps <see cref="Handler"/> on
/// <see cref="Route"/> and <see cref="Methods"/> (<see cref="ApiEndpointRouteBuilderExtensions.MapTimeVisionApi"/>), and
/// the Functions app has one <c>[Function(Name)]</c> shim with the same route and methods calling the same handler. The
/// access rules (<see cref="CallerAccess"/>, <see cref="CrossSiteRequests"/>) read <see cref="Rule"/> and
/// <see cref="Body"/> from here in both hosts.
/// </summary>
/// <param name="Name">The function's name in the Functions app, and the endpoint's name in serve.</param>
/// <param name="Route">The route template, without a leading slash (the Functions host's route prefix is empty).</param>
/// <param name="Methods">The HTTP methods, upper case.</param>
/// <param name="Handler">The minimal-API delegate serve maps: it calls the handler class and gives back its typed result (<c>Results&lt;…&gt;</c>).</param>
/// <param name="Rule">Who may call it.</param>
/// <param name="Body">The one media type its body is taken in (<see cref="MediaTypes"/>), or <see langword="null"/> for none.</param>
public sealed record ApiEndpoint(string Name, string Route, IReadOnlyList<string> Methods, Delegate Handler, CallerAccess.Rule Rule, string? Body = null)
{
    /// <summary>Whether it is part of the page rather than the API.</summary>
    public bool IsPage => Rule == CallerAccess.Rule.Page;
}
