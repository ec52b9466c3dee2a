namespace Manuals.Web.Features.Accounts;

/// <summary>One configured company sign-in: its authentication scheme, the name on its button and how to read its tokens.</summary>
/// <param name="Scheme">The authentication scheme, also the provider name stored with each linked account.</param>
/// <param name="DisplayName">The provider's name for people (「Microsoft」, 「HENNGE One」 …).</param>
/// <param name="Claims">Where the token carries the subject, name, e-mail, roles and groups.</param>
/// <param name="Origin">
/// The provider's origin (scheme, host, port). The browser is sent there after a form post (signing out of the
/// provider), so the Content-Security-Policy's <c>form-action</c> must allow it.
/// </param>
public sealed record CompanySignInProvider(string Scheme, string DisplayName, CompanySignInClaimNames Claims, string? Origin)
{
    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web (<c>AzureAd</c> section).</summary>
    public const string EntraScheme = "entra";

    /// <summary>Any other OpenID Connect provider through the OpenIdConnect handler (<c>Oidc</c> section).</summary>
    public const string OidcScheme = "oidc";

    public bool IsEntra => Scheme == EntraScheme;
}
