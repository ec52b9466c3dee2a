namespace Manuals.Web.Features.Accounts;

/// <summary>
/// The <c>Oidc</c> section: any OpenID Connect provider (Keycloak, Okta, Google Workspace, HENNGE One …), configured
/// like the <c>AzureAd</c> section. Off while <see cref="ClientId"/> or <see cref="Authority"/> is empty.
/// </summary>
public sealed class OidcProviderSettings
{
    public const string Section = "Oidc";

    /// <summary>The name on the sign-in button: 「{DisplayName} でサインイン」.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The discovery document's URL, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public string CallbackPath { get; set; } = "/signin-oidc-company";

    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc-company";

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public IList<string> Scopes { get; } = ["profile", "email"];

    public CompanySignInClaimNames Claims { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(Authority);
}
