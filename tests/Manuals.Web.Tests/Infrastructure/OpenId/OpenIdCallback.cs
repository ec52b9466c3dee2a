using Microsoft.AspNetCore.WebUtilities;

namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>
/// The provider's answer on its way back to the app (code and state, or error), stopped before the app sees it,
/// so a test can tamper with it (<see cref="With"/>) or deliver it twice (<see cref="OpenIdRedirects.DeliverAsync"/>).
/// </summary>
public sealed class OpenIdCallback
{
    internal OpenIdCallback(HttpMethod method, Uri redirectUri, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<OpenIdHop> hops)
    {
        Method = method;
        RedirectUri = redirectUri;
        Parameters = parameters;
        Hops = hops;
    }

    /// <summary>GET for response_mode=query, POST for form_post.</summary>
    public HttpMethod Method { get; }

    /// <summary>The redirect URI without the parameters.</summary>
    public Uri RedirectUri { get; }

    /// <summary>code, state (or error, error_description) and any other parameter.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The hops up to here.</summary>
    public IReadOnlyList<OpenIdHop> Hops { get; }

    public string? Code => Parameters.GetValueOrDefault("code");

    public string? State => Parameters.GetValueOrDefault("state");

    /// <summary>The callback as a GET URL (query mode), parameters in the query.</summary>
    public Uri Url => new(QueryHelpers.AddQueryString(RedirectUri.AbsoluteUri, Parameters!));

    /// <summary>A copy with one parameter replaced, added, or (null) removed.</summary>
    public OpenIdCallback With(string name, string? value)
    {
        var parameters = new Dictionary<string, string>(Parameters, StringComparer.Ordinal);
        if (value is null)
        {
            parameters.Remove(name);
        }
        else
        {
            parameters[name] = value;
        }

        return new OpenIdCallback(Method, RedirectUri, parameters, Hops);
    }

    internal static OpenIdCallback FromGet(Uri url, IReadOnlyList<OpenIdHop> hops)
    {
        var parameters = QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return new OpenIdCallback(HttpMethod.Get, new Uri(url.GetLeftPart(UriPartial.Path)), parameters, hops);
    }
}
