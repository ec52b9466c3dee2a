namespace Manuals.Core.Accounts;

/// <summary>A user as the admin list shows them.</summary>
public sealed record UserSummary(
    long Id,
    string UserName,
    string DisplayName,
    string? Email,
    bool IsDisabled,
    DateTimeOffset? LockoutEnd,
    IReadOnlyList<string> Roles,
    IReadOnlyList<long> DepartmentIds);
