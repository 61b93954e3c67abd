using System.Net;

namespace TimeVision.Cli.Serve;

/// <summary>Where <c>timevision serve</c> listens and what it asks of a caller.</summary>
/// <param name="Address">The address to bind: loopback unless <c>--listen</c> names another.</param>
/// <param name="Port">The port (0: any free one).</param>
/// <param name="Token">The access token asked of every request; <see langword="null"/> on loopback without <c>--token</c>.</param>
internal sealed record ServeSettings(IPAddress Address, int Port, string? Token);
