using Manuals.Core.Coverage;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// <c>/employees/{id}</c>: a person, the tasks they can do, the ones only they can do, the manuals of their tasks they
/// have read (only manuals the viewer may read), and their matrix history.
/// </summary>
public sealed record EmployeeDetailPage(
    CoverageView View,
    Employee Employee,
    string? UserName,
    IReadOnlyList<(TaskCoverage Coverage, SkillCell Cell)> Tasks,
    IReadOnlyList<EmployeeTaskManuals> Manuals,
    IReadOnlyList<SkillChange> History)
{
    public bool CanEdit => View.CanEdit(Employee.DepartmentId);

    /// <summary>Tasks where this person is the only capable one.</summary>
    public IReadOnlyList<TaskCoverage> SoleTasks =>
        Tasks.Select(t => t.Coverage).Where(c => c.CapableCount == 1 && c.Capable[0].Id == Employee.Id).ToList();
}
