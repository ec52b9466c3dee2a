namespace Manuals.Core.Accounts;

/// <summary>A company account to create at its first sign-in: a user without a password, and its login.</summary>
public sealed record NewExternalAccount(
    ExternalLogin Login,
    string UserName,
    string NormalizedUserName,
    string DisplayName,
    string? Email,
    ExternalAccess Access);
