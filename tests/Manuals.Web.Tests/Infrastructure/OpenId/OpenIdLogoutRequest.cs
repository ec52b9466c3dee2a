namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>A call to the provider's end_session endpoint (id_token_hint, post_logout_redirect_uri, state…).</summary>
/// <param name="Parameters">The query (or form) parameters, first value of each.</param>
public sealed record OpenIdLogoutRequest(IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>A parameter's value, or null when it was not sent.</summary>
    public string? this[string name] => Parameters.GetValueOrDefault(name);
}
