namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Which claims of a company provider's ID token carry what (the <c>Claims</c> part of the <c>AzureAd</c> or <c>Oidc</c>
/// section). Names are the token's own: inbound claim mapping is off, so <c>roles</c> stays <c>roles</c>.
/// </summary>
public sealed class CompanySignInClaimNames
{
    /// <summary>The stable id of the person at the provider: <c>oid</c> for Entra ID, <c>sub</c> otherwise.</summary>
    public string Subject { get; set; } = "sub";

    /// <summary>Whose ids <see cref="Subject"/> are: <c>tid</c> (the tenant) for Entra ID, <c>iss</c> otherwise.</summary>
    public string Issuer { get; set; } = "iss";

    public string Name { get; set; } = "name";

    public string Email { get; set; } = "email";

    public string UserName { get; set; } = "preferred_username";

    /// <summary>App roles, mapped to 閲覧者・編集者・管理者 (<c>Manuals:ExternalSignIn:RoleValues</c>).</summary>
    public string Roles { get; set; } = "roles";

    /// <summary>Group ids, mapped to 部署 on the admin page 「ディレクトリのグループ」.</summary>
    public string Groups { get; set; } = "groups";

    public static CompanySignInClaimNames ForEntra() => new() { Subject = "oid", Issuer = "tid" };
}
