namespace Manuals.Core.Coverage;

/// <summary>Everything coverage is computed from, read once: tasks, employees, matrix cells and manual facts.</summary>
public sealed class CoverageSnapshot
{
    public CoverageSnapshot(
        IReadOnlyList<BusinessTask> tasks,
        IReadOnlyList<Employee> employees,
        IReadOnlyList<SkillCell> cells,
        IReadOnlyDictionary<long, ManualFacts> manuals)
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
    }

    public IReadOnlyList<BusinessTask> Tasks { get; }
    public IReadOnlyList<Employee> Employees { get; }
    public IReadOnlyList<SkillCell> Cells { get; }
    public IReadOnlyDictionary<long, ManualFacts> Manuals { get; }
    public IReadOnlyDictionary<long, Employee> EmployeesById { get; }
    public ILookup<long, SkillCell> CellsByTask { get; }

    /// <summary>The cell of an employee on a task; level 0 and no role when none is stored.</summary>
    public SkillCell CellOf(long employeeId, long taskId) =>
        CellsByTask[taskId].FirstOrDefault(c => c.EmployeeId == employeeId)
        ?? new SkillCell(employeeId, taskId, SkillLevel.None, AssignmentRole.None);

    /// <summary>Every task's coverage at <paramref name="moment"/>.</summary>
    public CoverageReport Evaluate(CoverageMoment moment) => Evaluate(moment, EmployeesById);

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

    private CoverageReport Evaluate(CoverageMoment moment, IReadOnlyDictionary<long, Employee> employees) =>
        new(Tasks.Select(t => CoverageRules.Evaluate(t, CellsByTask[t.Id], employees, Manuals, moment)).ToList());
}
