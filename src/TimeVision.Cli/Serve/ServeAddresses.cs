using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using TimeVision.Api.Http;

namespace TimeVision.Cli.Serve;

/// <summary>
/// The names <c>timevision serve</c> answers to: <c>localhost</c>, the loopback addresses and the address it listens
/// on, or, listening on every interface (<c>0.0.0.0</c>, <c>::</c>), every address of this machine's interfaces and its
/// host name. A request with any other <c>Host</c> is 421 <c>unknown_host</c>: a page whose own name was pointed at
/// this machine (DNS rebinding) cannot read the API as if it were its own. It also picks the address the printed link
/// names, one other PCs can open.
/// </summary>
/// <param name="listen">The address <c>serve</c> listens on.</param>
internal sealed class ServeAddresses(IPAddress listen)
{
    private readonly HashSet<IPAddress> _addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback, listen, .. IsEveryInterface(listen) ? InterfaceAddresses() : []];
    private readonly HashSet<string> _names = new(
        IsEveryInterface(listen) ? ["localhost", Dns.GetHostName(), Dns.GetHostName() + ".local"] : ["localhost"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="host"/> (a <c>Host</c> header) names this server.</summary>
    /// <param name="host">The request's host.</param>
    public bool IsOwn(HostString host)
    {
        var name = host.Host;
        return IPAddress.TryParse(name.Trim('[', ']'), out var address) ? _addresses.Contains(address) : _names.Contains(name);
    }

    /// <summary>Answers a request for another host itself; lets the others through.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the app.</param>
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsOwn(context.Request.Host)
            ? next(context)
            : ApiError.Json(
                StatusCodes.Status421MisdirectedRequest,
                "unknown_host",
                "This server answers only to its own addresses and localhost; open it by the address timevision serve printed.").ExecuteAsync(context);
    }

    /// <summary>
    /// The address for the link: the one it listens on, or, on every interface, an address of this machine other PCs
    /// can reach (an up, non-loopback interface's IPv4 address first), else its host name.
    /// </summary>
    /// <param name="bound">The address and port Kestrel bound, e.g. <c>http://0.0.0.0:7071/</c>.</param>
    public static Uri Reachable(Uri bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        if (!IPAddress.TryParse(bound.Host.Trim('[', ']'), out var address) || !IsEveryInterface(address))
        {
            return bound;
        }

        var reachable = InterfaceAddresses()
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .FirstOrDefault();
        return new UriBuilder(bound) { Host = reachable?.ToString() ?? Dns.GetHostName() }.Uri;
    }

    private static bool IsEveryInterface(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static IEnumerable<IPAddress> InterfaceAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address);
}
