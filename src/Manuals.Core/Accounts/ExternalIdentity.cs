namespace Manuals.Core.Accounts;

/// <summary>What an OpenID Connect provider vouched for, already validated by the authentication handler.</summary>
/// <param name="Provider"><c>entra</c> for Microsoft Entra ID, <c>oidc</c> for any other provider.</param>
/// <param name="Issuer">The tenant id (<c>tid</c>) for Entra ID, the token's <c>iss</c> otherwise.</param>
/// <param name="Subject">The stable subject: <c>oid</c> for Entra ID, <c>sub</c> otherwise. The account is linked by this, never by e-mail or name.</param>
/// <param name="DisplayName">The <c>name</c> claim, when present.</param>
/// <param name="Email">The <c>email</c> claim, when present.</param>
/// <param name="PreferredUserName">The <c>preferred_username</c> claim (Entra ID: the UPN), when present.</param>
/// <param name="RoleValues">The values of the <c>roles</c> claim (app roles), mapped through <see cref="ExternalSignInOptions.RoleValues"/>.</param>
/// <param name="GroupIds">The values of the <c>groups</c> claim, mapped to departments through the admins' group mappings.</param>
/// <param name="GroupsOmitted">
/// The user is in more groups than the token holds and the provider left them out (Entra ID's "groups overage"):
/// <see cref="GroupIds"/> says nothing, so the departments the user has stay as they are.
/// </param>
public sealed record ExternalIdentity(
    string Provider,
    string Issuer,
    string Subject,
    string? DisplayName,
    string? Email,
    string? PreferredUserName,
    IReadOnlyList<string> RoleValues,
    IReadOnlyList<string> GroupIds,
    bool GroupsOmitted = false)
{
    /// <summary>The key the account is linked by.</summary>
    public ExternalLogin Login => new(Provider, Issuer, Subject);
}
