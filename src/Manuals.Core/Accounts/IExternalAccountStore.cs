namespace Manuals.Core.Accounts;

/// <summary>Company accounts: users linked to a provider's login, created and refreshed at sign-in.</summary>
public interface IExternalAccountStore
{
    /// <summary>The user linked to the login, or null when it has never signed in.</summary>
    Task<ExternalAccount?> FindByLoginAsync(ExternalLogin login, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the user (no password), its role, departments and login in one transaction. Returns null, having
    /// created nothing, when the login or the user name already exists (e.g. another first sign-in won a race).
    /// </summary>
    Task<long?> CreateAsync(NewExternalAccount account, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: sets the display name and e-mail (each only when not null), replaces the role and departments
    /// when <paramref name="access"/> is not null, and records the sign-in time on the login. Returns false, having
    /// changed nothing, when the user is disabled or gone.
    /// </summary>
    Task<bool> UpdateAtSignInAsync(
        long userId, ExternalLogin login, string? displayName, string? email, ExternalAccess? access, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Every company account's latest login, by user id (local users are absent).</summary>
    Task<IReadOnlyDictionary<long, ExternalLoginSummary>> ListLoginsAsync(CancellationToken cancellationToken);

    /// <summary>The user's latest company login, or null for a local user.</summary>
    Task<ExternalLoginSummary?> FindLoginAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Sets whether the user's role and departments are set by hand (true) or follow the directory (false).</summary>
    Task SetAccessOverriddenAsync(long userId, bool overridden, CancellationToken cancellationToken);
}
