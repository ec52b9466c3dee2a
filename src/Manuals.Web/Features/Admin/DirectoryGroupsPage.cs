using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Admin;

/// <summary>The directory group mappings, the add form (kept as typed when refused) and the departments to choose from.</summary>
public sealed record DirectoryGroupsPage(IReadOnlyList<DirectoryGroupMapping> Mappings, IReadOnlyList<Department> Departments, DirectoryGroupForm Form)
{
    public string DepartmentName(long id) => Departments.FirstOrDefault(d => d.Id == id)?.Name ?? "";
}
