namespace Manuals.Core.Accounts;

/// <summary>A local sign-in account. Employees without a login are a separate concept (Coverage).</summary>
public sealed class User
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset? LockoutEnd { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public int AccessFailedCount { get; set; }

    /// <summary>A disabled user keeps their history but can no longer sign in.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The password was set by an admin (new user, reset, first admin): the user must choose their own first.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
