using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/employees</c>: people per department with their status and what they carry.</summary>
public sealed record EmployeeListPage(CoverageView View, Department? Selected)
{
    public bool CanCreate => Selected is null ? View.EditableDepartments.Count > 0 : View.CanEdit(Selected.Id);
}
