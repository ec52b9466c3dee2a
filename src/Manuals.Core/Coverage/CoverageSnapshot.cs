using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Everything coverage is computed from, read once: tasks, employees, matrix cells, manual facts and the linked manuals'
/// summaries. Immutable, so one snapshot may serve many requests (see <see cref="CoverageReader"/>); the last report
/// it evaluated is kept with it.
/// </summary>
public sealed class CoverageSnapshot
{
    private readonly DateTimeOffset[] _reviewDues;
    private Evaluated? _evaluated;

    public CoverageSnapshot(
        IReadOnlyList<BusinessTask> tasks,
        IReadOnlyList<Employee> employees,
        IReadOnlyList<SkillCell> cells,
        IReadOnlyDictionary<long, ManualFacts> manuals,
        IReadOnlyList<ManualSummary>? linkedManuals = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(manuals);
        Tasks = tasks;
        Employees = employees;
        Cells = cells;
        Manuals = manuals;
        EmployeesById = employees.ToDictionary(e => e.Id);
        CellsByTask = cells.ToLookup(c => c.TaskId);
        TasksByDepartment = tasks.ToLookup(t => t.DepartmentId);
        LinkedManuals = linkedManuals ?? [];
        LinkedManualsById = LinkedManuals.ToDictionary(m => m.Id);
        _reviewDues = manuals.Values.Select(m => m.ReviewDueAt).Order().ToArray();
    }

    public IReadOnlyList<BusinessTask> Tasks { get; }
    public IReadOnlyList<Employee> Employees { get; }
    public IReadOnlyList<SkillCell> Cells { get; }
    public IReadOnlyDictionary<long, ManualFacts> Manuals { get; }
    public IReadOnlyDictionary<long, Employee> EmployeesById { get; }
    public ILookup<long, SkillCell> CellsByTask { get; }

    public ILookup<long, BusinessTask> TasksByDepartment { get; }

    /// <summary>The summaries of the manuals linked to a task (for decisions; pages check who may read each).</summary>
    public IReadOnlyList<ManualSummary> LinkedManuals { get; }

    public IReadOnlyDictionary<long, ManualSummary> LinkedManualsById { get; }

    /// <summary>The cell of an employee on a task; level 0 and no role when none is stored.</summary>
    public SkillCell CellOf(long employeeId, long taskId) =>
        CellsByTask[taskId].FirstOrDefault(c => c.EmployeeId == employeeId)
        ?? new SkillCell(employeeId, taskId, SkillLevel.None, AssignmentRole.None);

    /// <summary>
    /// Every task's coverage at <paramref name="moment"/>. The rules look at the moment only through the day (employees'
    /// dates) and through which review due dates have passed, so the report is kept and reused until either changes.
    /// </summary>
    public CoverageReport Evaluate(CoverageMoment moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        var passed = DuesPassed(moment.Now);
        // One reference, read and replaced whole: requests on other threads see an old report or a new one, never half.
        if (Volatile.Read(ref _evaluated) is { } kept && kept.Today == moment.Today && kept.DuesPassed == passed)
        {
            return kept.Report;
        }

        var report = Evaluate(moment, EmployeesById);
        Volatile.Write(ref _evaluated, new Evaluated(moment.Today, passed, report));
        return report;
    }

    /// <summary>
    /// Every task's coverage as if the given employees were gone (the what-if): they are left out of the employees,
    /// and the same rules run.
    /// </summary>
    public CoverageReport EvaluateWithout(IReadOnlySet<long> employeeIds, CoverageMoment moment)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var remaining = Employees.Where(e => !employeeIds.Contains(e.Id)).ToDictionary(e => e.Id);
        return Evaluate(moment, remaining);
    }

    /// <summary>How many review due dates are at or before <paramref name="now"/> (a manual is overdue from its due date on).</summary>
    private int DuesPassed(DateTimeOffset now)
    {
        var index = Array.BinarySearch(_reviewDues, now);
        if (index < 0)
        {
            return ~index;
        }

        // Equal dates: count them all.
        while (index < _reviewDues.Length && _reviewDues[index] == now)
        {
            index++;
        }

        return index;
    }

    private CoverageReport Evaluate(CoverageMoment moment, IReadOnlyDictionary<long, Employee> employees) =>
        new(Tasks.Select(t => CoverageRules.Evaluate(t, CellsByTask[t.Id], employees, Manuals, moment)).ToList());

    private sealed record Evaluated(DateOnly Today, int DuesPassed, CoverageReport Report);
}
