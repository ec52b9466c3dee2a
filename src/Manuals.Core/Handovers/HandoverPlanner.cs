using Manuals.Core.Calendar;
using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>
/// Drafts a handover's items from the skill matrix: every task the employee is 主担当 on or is the only capable person
/// for, each with its next due dates around the effective date and a suggested successor. Pure: everything comes in.
/// </summary>
public static class HandoverPlanner
{
    /// <summary>The items for <paramref name="employeeId"/>, in the snapshot's task order (department, then name).</summary>
    public static IReadOnlyList<HandoverItem> PlanItems(long employeeId, CoverageSnapshot snapshot, DateOnly today, DateOnly effectiveDate)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Tasks
            .Select(task => (Task: task, Basis: BasisOf(employeeId, task, snapshot, today)))
            .Where(t => t.Basis != HandoverItemBasis.None)
            .Select(t => PlanItem(t.Task, t.Basis, employeeId, snapshot, today, effectiveDate))
            .ToList();
    }

    /// <summary>One item, for a task the planner found or a person added by hand (<see cref="HandoverItemBasis.None"/>).</summary>
    public static HandoverItem PlanItem(
        BusinessTask task, HandoverItemBasis basis, long employeeId, CoverageSnapshot snapshot, DateOnly today, DateOnly effectiveDate)
    {
        ArgumentNullException.ThrowIfNull(task);
        var (before, after) = DueDates(task, today, effectiveDate);
        return new HandoverItem
        {
            TaskId = task.Id,
            TaskName = task.Name,
            Basis = basis,
            SuccessorId = SuggestSuccessor(task, employeeId, snapshot, today, effectiveDate),
            DueBefore = before,
            DueAfter = after,
        };
    }

    /// <summary>
    /// Why the task is the employee's to hand over: 主担当, and/or nobody else who is available can do it (level 2+)
    /// while they can. Whether the employee themself still counts is beside the point: they are the one leaving.
    /// </summary>
    public static HandoverItemBasis BasisOf(long employeeId, BusinessTask task, CoverageSnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(snapshot);
        var own = snapshot.CellOf(employeeId, task.Id);
        var basis = own.Role == AssignmentRole.Primary ? HandoverItemBasis.Primary : HandoverItemBasis.None;
        var othersCapable = snapshot.CellsByTask[task.Id].Any(c =>
            c.EmployeeId != employeeId
            && c.Level >= CoverageRules.CapableLevel
            && snapshot.EmployeesById.TryGetValue(c.EmployeeId, out var other)
            && CoverageRules.IsAvailable(other, today));
        if (own.Level >= CoverageRules.CapableLevel && !othersCapable)
        {
            basis |= HandoverItemBasis.OnlyCapable;
        }

        return basis;
    }

    /// <summary>
    /// The best person to take the task over: among the people still there on the effective date (other than the
    /// predecessor) who know the task at all or work in its department, the highest level, then the one with the
    /// fewest 主担当 tasks, then by name. Null when there is nobody.
    /// </summary>
    public static long? SuggestSuccessor(BusinessTask task, long predecessorId, CoverageSnapshot snapshot, DateOnly today, DateOnly effectiveDate)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(snapshot);
        var from = effectiveDate > today ? effectiveDate : today;
        var primaryCounts = snapshot.Cells.Where(c => c.Role == AssignmentRole.Primary).CountBy(c => c.EmployeeId).ToDictionary();
        return snapshot.Employees
            .Where(e => e.Id != predecessorId && CoverageRules.IsAvailable(e, today) && CoverageRules.IsAvailable(e, from))
            .Select(e => (Employee: e, Level: snapshot.CellOf(e.Id, task.Id).Level))
            .Where(c => c.Level > SkillLevel.None || c.Employee.DepartmentId == task.DepartmentId)
            .OrderByDescending(c => c.Level)
            .ThenBy(c => primaryCounts.GetValueOrDefault(c.Employee.Id))
            .ThenBy(c => c.Employee.Name, StringComparer.Ordinal)
            .Select(c => (long?)c.Employee.Id)
            .FirstOrDefault();
    }

    /// <summary>
    /// The next due date from today that falls before the effective date (a chance to do it together; null when none
    /// does), and the first on or after the effective date. Both null when the timing cannot be read (随時 and the like).
    /// </summary>
    public static (DateOnly? Before, DateOnly? After) DueDates(BusinessTask task, DateOnly today, DateOnly effectiveDate)
    {
        ArgumentNullException.ThrowIfNull(task);
        var schedule = TaskSchedule.From(task.Frequency, task.Timing);
        var next = schedule.NextOnOrAfter(today);
        var before = next is { } n && n < effectiveDate ? next : null;
        return (before, schedule.NextOnOrAfter(effectiveDate));
    }
}
