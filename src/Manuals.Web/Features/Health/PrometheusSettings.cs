using System.Net;

namespace Manuals.Web.Features.Health;

/// <summary>
/// The Prometheus scrape endpoint, <c>/metrics</c> (<c>Metrics:Prometheus</c>): off unless <see cref="Enabled"/>. When on,
/// it answers only a scraper that reaches this node directly, from loopback or from <see cref="AllowedNetworks"/>; a
/// request that came through a proxy (it carries <c>X-Forwarded-For</c>, <c>Forwarded</c> or <c>X-Real-IP</c>) gets 404
/// like any other, so a reverse proxy that forwards every path does not publish the metrics.
/// </summary>
public sealed class PrometheusSettings
{
    public const string Section = "Metrics:Prometheus";

    public const string Path = "/metrics";

    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP"];

    public bool Enabled { get; set; }

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/24</c>) a scraper on another machine may come from.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>The allowed networks, parsed; start-up stops with the setting's name when one is not a network.</summary>
    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks.Select(text => IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:AllowedNetworks: '{text}' is not a network such as 10.0.0.0/24.")).ToList();

    public static bool Allows(HttpContext context, IReadOnlyList<IPNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(networks);
        if (ProxyHeaders.Any(context.Request.Headers.ContainsKey) || context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}
