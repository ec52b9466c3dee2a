namespace Manuals.Core.Accounts;

/// <summary>A user linked to a company login, as sign-in sees them.</summary>
/// <param name="UserId">The linked user.</param>
/// <param name="UserName">The user's name in this application.</param>
/// <param name="IsDisabled">Disabled users are refused.</param>
/// <param name="AccessOverridden">An admin set the role and departments by hand; the directory does not overwrite them.</param>
/// <param name="Roles">The user's roles, ordered.</param>
/// <param name="DepartmentIds">The user's departments, ascending.</param>
public sealed record ExternalAccount(
    long UserId,
    string UserName,
    bool IsDisabled,
    bool AccessOverridden,
    IReadOnlyList<string> Roles,
    IReadOnlyList<long> DepartmentIds);
