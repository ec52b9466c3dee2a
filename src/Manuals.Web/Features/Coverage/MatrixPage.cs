using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// <c>/coverage/matrix?department=</c>: the department's tasks (rows) × people (columns), each cell a level and a role,
/// with each task's risk at the end of its row.
/// </summary>
public sealed record MatrixPage(CoverageView View, Department Department, IReadOnlyList<Employee> Employees, IReadOnlyList<TaskCoverage> Tasks)
{
    /// <summary>After a refused save: the user's choices by cell key, so nothing typed is lost.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; init; } = new Dictionary<string, string>();

    /// <summary>After a conflict: cells someone else changed, by key.</summary>
    public IReadOnlySet<string> Conflicts { get; init; } = new HashSet<string>();

    public bool CanEdit => View.CanEdit(Department.Id);

    public static string Key(long employeeId, long taskId) => FormattableString.Invariant($"{employeeId}-{taskId}");

    public SkillCell Cell(Employee employee, BusinessTask task)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(task);
        return View.Snapshot.CellOf(employee.Id, task.Id);
    }

    /// <summary>What the cell's select shows: the user's posted choice after a refused save, else the stored value.</summary>
    public string Shown(Employee employee, BusinessTask task) =>
        Posted.TryGetValue(Key(employee.Id, task.Id), out var code) ? code : MatrixCellCode.Format(Cell(employee, task));

    /// <summary>The stored values the form started from, <c>employee-task=code</c> joined by <c>;</c>, for the concurrency check.</summary>
    public string Original =>
        string.Join(';', Tasks.SelectMany(t => Employees.Select(e => $"{Key(e.Id, t.Task.Id)}={MatrixCellCode.Format(Cell(e, t.Task))}")));
}
