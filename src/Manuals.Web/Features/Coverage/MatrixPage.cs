using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// <c>/coverage/matrix?department=</c>: the department's tasks (rows) × people (columns), each cell a level and a role,
/// with each task's risk at the end of its row, and 「マニュアル確認済」 in a cell at level 0 or 1 whose person has read one of
/// the task's manuals (one the viewer may read).
/// </summary>
public sealed record MatrixPage(CoverageView View, Department Department, IReadOnlyList<Employee> Employees, IReadOnlyList<TaskCoverage> Tasks)
{
    /// <summary>
    /// The tasks (rows) a page of the matrix shows: with every person of a large department as a column, 30 rows keep
    /// the page to a few thousand cells, each a select that saves in place or with the form.
    /// </summary>
    public const int TasksPerPage = 30;

    /// <summary>The page shown, from 1, and how many pages the department's tasks fill.</summary>
    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    /// <summary>How many tasks the department has on all pages.</summary>
    public int TaskTotal { get; init; } = Tasks.Count;

    /// <summary>The page's address; the first page is the department's plain address.</summary>
    public string Url(int page) =>
        page > 1 ? FormattableString.Invariant($"/coverage/matrix?department={Department.Id}&page={page}") : FormattableString.Invariant($"/coverage/matrix?department={Department.Id}");

    /// <summary>After a refused save: the user's choices by cell key, so nothing typed is lost.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; init; } = new Dictionary<string, string>();

    /// <summary>After a conflict: cells someone else changed, by key.</summary>
    public IReadOnlySet<string> Conflicts { get; init; } = new HashSet<string>();

    /// <summary>What the page's people read of their tasks' manuals (only manuals the viewer may read).</summary>
    public ManualConfirmations Confirmations { get; init; } = ManualConfirmations.None;

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

    /// <summary>
    /// Whether the cell shows 「マニュアル確認済」 beside the level it shows: a hint for the manager only; the level, the
    /// select's value and what a save sends stay as they are.
    /// </summary>
    public bool ShowsManualHint(Employee employee, BusinessTask task)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(task);
        return MatrixCellCode.TryParse(Shown(employee, task), out var level, out _) && Confirmations.ShowsHint(employee.Id, task.Id, level);
    }

    /// <summary>The stored values the form started from, <c>employee-task=code</c> joined by <c>;</c>, for the concurrency check.</summary>
    public string Original =>
        string.Join(';', Tasks.SelectMany(t => Employees.Select(e => $"{Key(e.Id, t.Task.Id)}={MatrixCellCode.Format(Cell(e, t.Task))}")));
}
