namespace Manuals.Core.Accounts;

/// <summary>A company account as the admin pages show it.</summary>
/// <param name="UserId">The linked user.</param>
/// <param name="Provider"><c>entra</c> or <c>oidc</c>.</param>
/// <param name="Issuer">The tenant id or the issuer.</param>
/// <param name="CreatedAt">The first sign-in.</param>
/// <param name="LastSignInAt">The latest sign-in.</param>
/// <param name="AccessOverridden">The role and departments are set by hand (「手動設定」) rather than by the directory.</param>
public sealed record ExternalLoginSummary(
    long UserId,
    string Provider,
    string Issuer,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSignInAt,
    bool AccessOverridden);
