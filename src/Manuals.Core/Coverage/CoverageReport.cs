namespace Manuals.Core.Coverage;

/// <summary>The coverage of many tasks, with the summaries the dashboard shows.</summary>
public sealed class CoverageReport
{
    private readonly Dictionary<long, TaskCoverage> _byTask;

    public CoverageReport(IReadOnlyList<TaskCoverage> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        Tasks = tasks;
        _byTask = tasks.ToDictionary(t => t.Task.Id);
    }

    /// <summary>In the order the tasks were given.</summary>
    public IReadOnlyList<TaskCoverage> Tasks { get; }

    public TaskCoverage? Find(long taskId) => _byTask.GetValueOrDefault(taskId);

    /// <summary>The number of tasks at each risk in one department (every risk present, zero included).</summary>
    public IReadOnlyDictionary<CoverageRisk, int> CountByRisk(long? departmentId = null)
    {
        var counts = Enum.GetValues<CoverageRisk>().ToDictionary(r => r, _ => 0);
        foreach (var task in Tasks.Where(t => departmentId is null || t.Task.DepartmentId == departmentId))
        {
            counts[task.Risk]++;
        }

        return counts;
    }

    /// <summary>Tasks at the given risks, worst first, critical tasks first within a risk, then by name.</summary>
    public IReadOnlyList<TaskCoverage> AtRisk(params CoverageRisk[] risks) =>
        Tasks.Where(t => risks.Contains(t.Risk))
            .OrderBy(t => t.Risk)
            .ThenBy(t => t.Task.Criticality)
            .ThenBy(t => t.Task.DepartmentId)
            .ThenBy(t => t.Task.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Employees who are the only capable person for at least one task, with those tasks; most tasks first. These are
    /// the people whose absence stalls work (属人化).
    /// </summary>
    public IReadOnlyList<SoleCapable> SoleCapable() =>
        Tasks.Where(t => t.CapableCount == 1)
            .GroupBy(t => t.Capable[0].Id)
            .Select(g => new SoleCapable(g.First().Capable[0], g.OrderBy(t => t.Task.Name, StringComparer.Ordinal).Select(t => t.Task).ToList()))
            .OrderByDescending(s => s.Tasks.Count)
            .ThenBy(s => s.Employee.DepartmentId)
            .ThenBy(s => s.Employee.Name, StringComparer.Ordinal)
            .ToList();
}
