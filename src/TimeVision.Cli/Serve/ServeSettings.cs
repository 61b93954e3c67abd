using System.Net;

namespace TimeVision.Cli.Serve;

/// <summary>Where <c>timevision serve</c> listens and what it asks of a caller.</summary>
/// <param name="Address">The address to bind: loopback unless <c>--listen</c> names another.</param>
/// <param name="Port">The port (0: any free one).</param>
/// <param name="Token">
/// The estimators' access token; <see langword="null"/> with <paramref name="AdminToken"/> <see langword="null"/> too
/// (loopback without tokens): every caller is this PC's user and the admin.
/// </param>
/// <param name="AdminToken">The admin's access token, for the admin endpoints of the table.</param>
internal sealed record ServeSettings(IPAddress Address, int Port, string? Token, string? AdminToken = null)
{
    /// <summary>Whether requests need a token.</summary>
    public bool AsksForToken => Token is not null || AdminToken is not null;
}
