using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Web.Features.Coverage;

namespace Manuals.Web.Features.Handovers;

/// <summary><c>/handovers/{id}</c>: the checklist with its progress, warnings, sign-offs and audit trail.</summary>
public sealed record HandoverDetailPage(
    CoverageView View,
    Handover Handover,
    HandoverAssessment Assessment,
    IReadOnlyList<HandoverEvent> Events,
    HandoverChecklistForm Form,
    IReadOnlyList<SignOffBox> SignOffs)
{
    public bool CanEdit => !Handover.IsCompleted;

    public Employee? Predecessor => View.Snapshot.EmployeesById.GetValueOrDefault(Handover.EmployeeId);

    public BusinessTask? TaskOf(long taskId) => View.Snapshot.Tasks.FirstOrDefault(t => t.Id == taskId);

    public string EmployeeName(long? id) => id is { } value && View.Snapshot.EmployeesById.TryGetValue(value, out var e) ? e.Name : "";

    /// <summary>The state of the task's manuals: the usable one if any, else the first reason none is; null when no manual is linked.</summary>
    public ManualUsability? ManualStateOf(long taskId) => HandoverManualState.Of(View.Report.Find(taskId));

    /// <summary>People who could take the task over, best first: everyone still there except the predecessor, by level on the task.</summary>
    public IReadOnlyList<(Employee Employee, SkillLevel Level)> SuccessorChoices(long taskId) =>
        View.Snapshot.Employees
            .Where(e => e.Id != Handover.EmployeeId && e.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
            .Select(e => (Employee: e, View.Snapshot.CellOf(e.Id, taskId).Level))
            .OrderByDescending(c => c.Level)
            .ThenBy(c => c.Employee.DepartmentId == Handover.DepartmentId ? 0 : 1)
            .ThenBy(c => c.Employee.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Tasks that can still be added to the checklist, the predecessor's department first.</summary>
    public IReadOnlyList<BusinessTask> AddableTasks =>
        View.Snapshot.Tasks
            .Where(t => Handover.Items.All(i => i.TaskId != t.Id))
            .OrderBy(t => t.DepartmentId == Handover.DepartmentId ? 0 : 1)
            .ThenBy(t => t.DepartmentId)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
