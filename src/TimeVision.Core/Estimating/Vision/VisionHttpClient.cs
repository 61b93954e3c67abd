namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// An <see cref="System.Net.Http.HttpClient"/> for every call to the model endpoint, when the host registers one: a
/// corporate proxy, or a pinned certificate for a private endpoint. Without it the SDK uses its own.
/// </summary>
/// <param name="Client">The client; its handler decides proxy and certificate rules.</param>
public sealed record VisionHttpClient(HttpClient Client);
