namespace Manuals.Core.Accounts;

/// <summary>The role and departments the directory gives a company account.</summary>
/// <param name="Role">One of <see cref="Roles.All"/>.</param>
/// <param name="DepartmentIds">Distinct department ids, ascending.</param>
public sealed record ExternalAccess(string Role, IReadOnlyList<long> DepartmentIds);
