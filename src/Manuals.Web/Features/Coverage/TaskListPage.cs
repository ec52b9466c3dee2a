using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/tasks</c>: tasks per department with their risk and its explanation, optionally one risk only.</summary>
public sealed record TaskListPage(CoverageView View, Department? Selected, CoverageRisk? Risk, IReadOnlyList<TaskCoverage> Tasks)
{
    public bool CanCreate => Selected is null ? View.EditableDepartments.Count > 0 : View.CanEdit(Selected.Id);
}
