namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>The end of a redirect walk: the last answer (not a redirect, not a form_post page) and every hop.</summary>
/// <param name="Response">The last answer; the caller disposes it.</param>
/// <param name="Hops">Every request made, in order, the last one included.</param>
public sealed record OpenIdRedirectResult(HttpResponseMessage Response, IReadOnlyList<OpenIdHop> Hops)
{
    /// <summary>The URL of the last request.</summary>
    public Uri FinalUrl => Hops[^1].Url;
}
