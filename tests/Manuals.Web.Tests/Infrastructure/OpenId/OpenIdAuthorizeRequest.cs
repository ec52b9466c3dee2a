namespace Manuals.Web.Tests.Infrastructure.OpenId;

/// <summary>What the provider's authorize endpoint received (query parameters), and how it answered.</summary>
/// <param name="Parameters">The query parameters, first value of each.</param>
/// <param name="Error">The OAuth error it answered with, or null when it issued a code.</param>
public sealed record OpenIdAuthorizeRequest(IReadOnlyDictionary<string, string> Parameters, string? Error)
{
    /// <summary>A parameter's value, or null when it was not sent.</summary>
    public string? this[string name] => Parameters.GetValueOrDefault(name);
}
