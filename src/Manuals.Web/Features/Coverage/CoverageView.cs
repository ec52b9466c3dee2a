using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// Everything a coverage page shows, read once per request: departments, the snapshot and its report at this moment,
/// and the manuals (titles only where the viewer may read them).
/// </summary>
public sealed class CoverageView
{
    private readonly Dictionary<long, string> _departmentNames;
    private readonly Dictionary<long, ManualSummary> _manuals;

    public CoverageView(
        Viewer viewer,
        IReadOnlyList<Department> departments,
        CoverageSnapshot snapshot,
        CoverageMoment moment,
        IReadOnlyList<ManualSummary> manuals)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(manuals);
        Viewer = viewer;
        Departments = departments;
        Snapshot = snapshot;
        Moment = moment;
        Report = snapshot.Evaluate(moment);
        _departmentNames = departments.ToDictionary(d => d.Id, d => d.Name);
        Manuals = manuals;
        _manuals = manuals.ToDictionary(m => m.Id);
    }

    public Viewer Viewer { get; }
    public IReadOnlyList<Department> Departments { get; }
    public CoverageSnapshot Snapshot { get; }
    public CoverageMoment Moment { get; }
    public CoverageReport Report { get; }

    /// <summary>Every manual, readable by the viewer or not (for decisions, never for display; see <see cref="ReadableManual"/>).</summary>
    public IReadOnlyList<ManualSummary> Manuals { get; }

    public string DepartmentName(long id) => _departmentNames.GetValueOrDefault(id, "");

    public bool CanEdit(long departmentId) => CoverageAccessPolicy.CanEdit(Viewer, departmentId);

    /// <summary>Departments the viewer may add tasks and employees to.</summary>
    public IReadOnlyList<Department> EditableDepartments => Departments.Where(d => CanEdit(d.Id)).ToList();

    /// <summary>The manual, when it exists and the viewer may read it; links to others are shown without a title.</summary>
    public ManualSummary? ReadableManual(long id) =>
        _manuals.TryGetValue(id, out var manual) && ManualAccessPolicy.CanRead(Viewer, manual) ? manual : null;

    /// <summary>Manuals the viewer may read, the given department's first, then by title.</summary>
    public IReadOnlyList<ManualSummary> ReadableManuals(long preferredDepartmentId) =>
        _manuals.Values
            .Where(m => ManualAccessPolicy.CanRead(Viewer, m))
            .OrderBy(m => m.DepartmentId == preferredDepartmentId ? 0 : 1)
            .ThenBy(m => m.DepartmentId)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<TaskCoverage> TasksOf(long departmentId) =>
        Report.Tasks.Where(t => t.Task.DepartmentId == departmentId).ToList();

    public bool IsAvailable(Employee employee) => CoverageRules.IsAvailable(employee, Moment.Today);

    /// <summary>Employees in the order they were registered (a department's list usually starts with its manager).</summary>
    public IReadOnlyList<Employee> EmployeesOf(long? departmentId) =>
        Snapshot.Employees.Where(e => departmentId is null || e.DepartmentId == departmentId)
            .OrderBy(e => e.DepartmentId)
            .ThenBy(e => e.Id)
            .ToList();

    /// <summary>
    /// The people a department's matrix shows: its employees who are still there (not 異動済 or 退職済), plus anyone from
    /// another department who has a level or role on one of its tasks.
    /// </summary>
    public IReadOnlyList<Employee> MatrixEmployees(long departmentId)
    {
        var taskIds = Snapshot.Tasks.Where(t => t.DepartmentId == departmentId).Select(t => t.Id).ToHashSet();
        var helpers = Snapshot.Cells.Where(c => !c.IsEmpty && taskIds.Contains(c.TaskId)).Select(c => c.EmployeeId).ToHashSet();
        return Snapshot.Employees
            .Where(e => e.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
            .Where(e => e.DepartmentId == departmentId || helpers.Contains(e.Id))
            .OrderBy(e => e.DepartmentId == departmentId ? 0 : 1)
            .ThenBy(e => e.Id)
            .ToList();
    }
}
