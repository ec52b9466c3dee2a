namespace Manuals.Web.Features.Accounts;

/// <summary>
/// The parts of the standard <c>AzureAd</c> section Manuals reads itself; Microsoft.Identity.Web binds the rest
/// (<c>ClientSecret</c> or <c>ClientCertificates</c>, <c>CallbackPath</c>, <c>SignedOutCallbackPath</c> …). Off while
/// <see cref="ClientId"/> is empty.
/// </summary>
public sealed class EntraSettings
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The company's tenant id; <c>organizations</c> or <c>common</c> for a multi-tenant app (then <see cref="AllowedTenants"/> decides).</summary>
    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>For a multi-tenant app: the tenant ids whose people may sign in. Everyone else is refused.</summary>
    public IList<string> AllowedTenants { get; } = [];

    public CompanySignInClaimNames Claims { get; set; } = CompanySignInClaimNames.ForEntra();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public bool IsMultiTenant =>
        TenantId.Equals("organizations", StringComparison.OrdinalIgnoreCase) || TenantId.Equals("common", StringComparison.OrdinalIgnoreCase);

    /// <summary>The issuer Entra ID writes into tokens of tenant <paramref name="tenantId"/>.</summary>
    public string IssuerOf(string tenantId) => $"{Instance.TrimEnd('/')}/{tenantId}/v2.0";
}
