namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>What the provider's token endpoint received, and how it answered.</summary>
/// <param name="Parameters">The form fields, first value of each (client_secret included when posted).</param>
/// <param name="ClientAuthentication"><c>client_secret_basic</c>, <c>client_secret_post</c> or <c>none</c>.</param>
/// <param name="StatusCode">The HTTP status it answered with.</param>
/// <param name="Error">The OAuth error it answered with, or null when it issued tokens.</param>
public sealed record OpenIdTokenRequest(IReadOnlyDictionary<string, string> Parameters, string ClientAuthentication, int StatusCode, string? Error)
{
    /// <summary>A form field's value, or null when it was not sent.</summary>
    public string? this[string name] => Parameters.GetValueOrDefault(name);
}
