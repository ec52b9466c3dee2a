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
    IReadOnlyList<long> DepartmentIds)
{
    /// <summary>The user as access decisions see them, for asking what they may do without them signed in (handovers).</summary>
    public Viewer AsViewer() => new(Id, Roles.ToHashSet(StringComparer.Ordinal), DepartmentIds.ToHashSet());
}
