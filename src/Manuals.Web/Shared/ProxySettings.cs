using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Manuals.Web.Shared;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which reverse proxies are trusted to say the client's address and scheme
/// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>). Loopback is trusted as in ASP.NET Core's defaults; anything
/// else only when listed. The <c>Host</c> header is never taken from a proxy's header (AllowedHosts checks it as sent).
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row are trusted (entries of X-Forwarded-For read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Applies the settings; a malformed entry stops start-up with a message naming it.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ForwardLimit;
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network like 10.0.0.0/24."));
        }
    }
}
