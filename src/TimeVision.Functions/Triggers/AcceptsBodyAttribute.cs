namespace TimeVision.Functions.Triggers;

/// <summary>
/// The one media type an HTTP function takes its body in (<c>application/json</c>, <c>application/pdf</c>,
/// <c>text/csv</c>); <see cref="Middleware.CrossSiteRequests"/> answers any other with 415 before the function runs, in
/// the Functions app and in <c>timevision serve</c>. A function that changes state without this attribute takes no body.
/// </summary>
/// <param name="mediaType">The media type, without parameters.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsBodyAttribute(string mediaType) : Attribute
{
    /// <summary>The media type, without parameters.</summary>
    public string MediaType { get; } = mediaType;
}
