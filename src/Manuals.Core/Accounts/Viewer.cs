namespace Manuals.Core.Accounts;

/// <summary>Who is asking: the signed-in user as every access decision sees them.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Roles">The user's roles (see <see cref="Accounts.Roles"/>).</param>
/// <param name="DepartmentIds">The departments the user belongs to.</param>
public sealed record Viewer(long UserId, IReadOnlySet<string> Roles, IReadOnlySet<long> DepartmentIds)
{
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    /// <summary>Editors and Admins may write manuals.</summary>
    public bool IsWriter => IsAdmin || Roles.Contains(Accounts.Roles.Editor);

    public bool BelongsTo(long departmentId) => DepartmentIds.Contains(departmentId);
}
