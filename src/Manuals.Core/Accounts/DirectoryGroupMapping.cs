namespace Manuals.Core.Accounts;

/// <summary>A directory group that gives its members a department (部署) at sign-in.</summary>
/// <param name="Id">The mapping's id.</param>
/// <param name="GroupId">The value in the token's groups claim (Entra ID: the group's Object ID).</param>
/// <param name="Label">A human name for the group, or null.</param>
/// <param name="DepartmentId">The department it gives.</param>
/// <param name="CreatedAt">When an admin added it.</param>
public sealed record DirectoryGroupMapping(long Id, string GroupId, string? Label, long DepartmentId, DateTimeOffset CreatedAt);
