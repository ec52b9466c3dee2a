using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Coverage;

/// <summary><c>/tasks/{id}</c>: a task, its coverage explained, who can do it, its manuals and its matrix history.</summary>
public sealed record TaskDetailPage(
    CoverageView View,
    TaskCoverage Coverage,
    IReadOnlyList<(Employee Employee, SkillCell Cell)> People,
    IReadOnlyList<ManualSummary> LinkableManuals,
    IReadOnlyList<SkillChange> History)
{
    public BusinessTask Task => Coverage.Task;

    public bool CanEdit => View.CanEdit(Task.DepartmentId);
}
