namespace Manuals.Core.Coverage;

/// <summary>
/// The coverage rules of DESIGN.md, in one place. Every page, the dashboard, the what-if and the handover checklist
/// ask <see cref="Evaluate"/>; nothing else decides a risk.
/// <list type="bullet">
/// <item>capable = active employees, not leaving within 30 days, with level ≥ 2 on the task;</item>
/// <item>manual usable = a linked manual that is published, reviewed within its review interval and complete;</item>
/// <item>Critical: capable = 0, or capable = 1 and no usable manual;</item>
/// <item>High: capable = 1 with a usable manual, or capable ≥ 2, task critical (重要度 高), no usable manual;</item>
/// <item>Medium: capable ≥ 2 and no usable manual;</item>
/// <item>Low: capable ≥ 2 and a usable manual.</item>
/// </list>
/// </summary>
public static class CoverageRules
{
    /// <summary>An employee transferring or leaving within this many days (inclusive) no longer counts as capable.</summary>
    public const int LeavingNoticeDays = 30;

    /// <summary>The lowest level that counts as capable: 2 一人でできる.</summary>
    public const SkillLevel CapableLevel = SkillLevel.Independent;

    /// <summary>
    /// Whether an employee still counts on <paramref name="today"/>: 在籍, or 異動予定/退職予定 with the date more than
    /// <see cref="LeavingNoticeDays"/> days away. 異動済 and 退職済 never count; a scheduled move without a date counts
    /// as imminent.
    /// </summary>
    public static bool IsAvailable(Employee employee, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return employee.Status switch
        {
            EmployeeStatus.Active => true,
            EmployeeStatus.TransferScheduled or EmployeeStatus.LeavingScheduled =>
                employee.StatusDate is { } date && date.DayNumber - today.DayNumber > LeavingNoticeDays,
            _ => false,
        };
    }

    /// <summary>The coverage of <paramref name="task"/>.</summary>
    /// <param name="task">The task, with its linked manual ids.</param>
    /// <param name="cells">Matrix cells; cells of other tasks are ignored.</param>
    /// <param name="employees">Employees by id; cells of unknown employees are ignored.</param>
    /// <param name="manuals">Facts of the manuals by id; a linked id without facts is <see cref="ManualUsability.Missing"/>.</param>
    /// <param name="moment">Now and today.</param>
    public static TaskCoverage Evaluate(
        BusinessTask task,
        IEnumerable<SkillCell> cells,
        IReadOnlyDictionary<long, Employee> employees,
        IReadOnlyDictionary<long, ManualFacts> manuals,
        CoverageMoment moment)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(manuals);
        ArgumentNullException.ThrowIfNull(moment);

        var capable = cells
            .Where(c => c.TaskId == task.Id && c.Level >= CapableLevel)
            .Select(c => (Cell: c, Employee: employees.GetValueOrDefault(c.EmployeeId)))
            .Where(x => x.Employee is not null && IsAvailable(x.Employee, moment.Today))
            .OrderByDescending(x => x.Cell.Level)
            .ThenBy(x => x.Cell.Role == AssignmentRole.Primary ? 0 : x.Cell.Role == AssignmentRole.Backup ? 1 : 2)
            .ThenBy(x => x.Employee!.Name, StringComparer.Ordinal)
            .Select(x => x.Employee!)
            .ToList();
        var linked = task.ManualIds
            .Distinct()
            .Select(id => new LinkedManual(
                id, manuals.TryGetValue(id, out var facts) ? facts.UsabilityAt(moment.Now) : ManualUsability.Missing))
            .ToList();
        var usable = linked.Any(m => m.IsUsable);
        var critical = task.Criticality == TaskCriticality.High;

        var (risk, verdict) = capable.Count switch
        {
            0 => (CoverageRisk.Critical, usable ? CoverageVerdict.NobodyCapable : CoverageVerdict.NobodyCapableNoManual),
            1 => usable
                ? (CoverageRisk.High, CoverageVerdict.OnlyOneCapable)
                : (CoverageRisk.Critical, CoverageVerdict.OnlyOneCapableNoManual),
            _ => usable
                ? (CoverageRisk.Low, CoverageVerdict.Covered)
                : critical
                    ? (CoverageRisk.High, CoverageVerdict.CriticalTaskNoManual)
                    : (CoverageRisk.Medium, CoverageVerdict.NoManual),
        };
        var people = capable.Count switch
        {
            0 => PeopleAction.TrainSomeone,
            1 => PeopleAction.TrainBackup,
            _ => PeopleAction.None,
        };
        return new TaskCoverage(task, capable, linked, risk, verdict, usable ? ManualAction.None : NextManualAction(linked), people);
    }

    /// <summary>The cheapest way to a usable manual: review beats completing, completing beats publishing a draft, all beat writing.</summary>
    private static ManualAction NextManualAction(IReadOnlyList<LinkedManual> linked)
    {
        var states = linked.Select(m => m.Usability).ToHashSet();
        if (states.Contains(ManualUsability.ReviewOverdue))
        {
            return ManualAction.Review;
        }

        if (states.Contains(ManualUsability.Incomplete))
        {
            return ManualAction.Complete;
        }

        return states.Contains(ManualUsability.Draft) ? ManualAction.Publish : ManualAction.Write;
    }
}
