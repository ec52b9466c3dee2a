using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// Everything a coverage page shows, read once per request: the departments whose people the viewer may see
/// (<see cref="CoverageAccessPolicy.CanSeePeopleOf"/>), the snapshot and the report of those departments' tasks at this
/// moment (computed over the whole company, so a helper from elsewhere still counts), and the manuals (titles only where
/// the viewer may read them). Personal details are shown only where <see cref="CanSeePersonalDetails"/> says so.
/// </summary>
public sealed class CoverageView
{
    private readonly Dictionary<long, string> _departmentNames;

    public CoverageView(
        Viewer viewer,
        IReadOnlyList<Department> departments,
        CoverageSnapshot snapshot,
        CoverageMoment moment)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(departments);
        Viewer = viewer;
        Departments = departments.Where(d => CoverageAccessPolicy.CanSeePeopleOf(viewer, d.Id)).ToList();
        Snapshot = snapshot;
        Moment = moment;
        Report = new CoverageReport(
            snapshot.Evaluate(moment).Tasks.Where(t => CoverageAccessPolicy.CanSeePeopleOf(viewer, t.Task.DepartmentId)).ToList());
        _departmentNames = departments.ToDictionary(d => d.Id, d => d.Name);
    }

    public Viewer Viewer { get; }

    /// <summary>The departments whose tasks, people and matrix the viewer may see.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>The whole company's data (for decisions, never for display: other departments' people are in it).</summary>
    public CoverageSnapshot Snapshot { get; }

    public CoverageMoment Moment { get; }

    /// <summary>The coverage of the tasks of <see cref="Departments"/>.</summary>
    public CoverageReport Report { get; }

    /// <summary>Every manual linked to a task, readable by the viewer or not (for decisions, never for display; see <see cref="ReadableManual"/>).</summary>
    public IReadOnlyList<ManualSummary> Manuals => Snapshot.LinkedManuals;

    public string DepartmentName(long id) => _departmentNames.GetValueOrDefault(id, "");

    public bool CanEdit(long departmentId) => CoverageAccessPolicy.CanEdit(Viewer, departmentId);

    public bool CanSeePeopleOf(long departmentId) => CoverageAccessPolicy.CanSeePeopleOf(Viewer, departmentId);

    /// <summary>Whether the viewer may see the employee's status other than 在籍, its date and their e-mail address.</summary>
    public bool CanSeePersonalDetails(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return CoverageAccessPolicy.CanSeePersonalDetails(Viewer, employee.DepartmentId);
    }

    /// <summary>Whether to mark the employee as not counted (leaving soon, away or gone): only for viewers who may know.</summary>
    public bool ShowsAsAway(Employee employee) => CanSeePersonalDetails(employee) && !IsAvailable(employee);

    /// <summary>The address of the employee's page, or null (a plain name) when they belong to a department the viewer may not see.</summary>
    public string? EmployeeLink(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);
        return CanSeePeopleOf(employee.DepartmentId) ? $"/employees/{employee.Id}" : null;
    }

    /// <summary>A department the viewer may see; not found when there is none, forbidden when it is someone else's.</summary>
    public LookupStatus DepartmentStatus(long id) =>
        !_departmentNames.ContainsKey(id) ? LookupStatus.NotFound
        : CanSeePeopleOf(id) ? LookupStatus.Found
        : LookupStatus.Forbidden;

    /// <summary>Departments the viewer may add tasks and employees to.</summary>
    public IReadOnlyList<Department> EditableDepartments => Departments.Where(d => CanEdit(d.Id)).ToList();

    /// <summary>The manual, when it exists and the viewer may read it; links to others are shown without a title.</summary>
    public ManualSummary? ReadableManual(long id) =>
        Snapshot.LinkedManualsById.TryGetValue(id, out var manual) && ManualAccessPolicy.CanRead(Viewer, manual) ? manual : null;

    /// <summary>Of <paramref name="manuals"/>, those the viewer may read, the given department's first, then by title.</summary>
    public IReadOnlyList<ManualSummary> ReadableManuals(IEnumerable<ManualSummary> manuals, long preferredDepartmentId) =>
        manuals
            .Where(m => ManualAccessPolicy.CanRead(Viewer, m))
            .OrderBy(m => m.DepartmentId == preferredDepartmentId ? 0 : 1)
            .ThenBy(m => m.DepartmentId)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<TaskCoverage> TasksOf(long departmentId) =>
        Report.Tasks.Where(t => t.Task.DepartmentId == departmentId).ToList();

    public bool IsAvailable(Employee employee) => CoverageRules.IsAvailable(employee, Moment.Today);

    /// <summary>
    /// The visible departments' employees in the order they were registered (a department's list usually starts with its
    /// manager); those gone (異動済・退職済) only for viewers who may see statuses.
    /// </summary>
    public IReadOnlyList<Employee> EmployeesOf(long? departmentId) =>
        Snapshot.Employees.Where(e => departmentId is null || e.DepartmentId == departmentId)
            .Where(e => CanSeePeopleOf(e.DepartmentId))
            .Where(e => CanSeePersonalDetails(e) || e.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
            .OrderBy(e => e.DepartmentId)
            .ThenBy(e => e.Id)
            .ToList();

    /// <summary>
    /// The people a department's matrix shows: its employees who are still there (not 異動済 or 退職済), plus anyone from
    /// another department who has a level or role on one of its tasks.
    /// </summary>
    public IReadOnlyList<Employee> MatrixEmployees(long departmentId)
    {
        var helpers = Snapshot.TasksByDepartment[departmentId]
            .SelectMany(t => Snapshot.CellsByTask[t.Id])
            .Where(c => !c.IsEmpty)
            .Select(c => c.EmployeeId)
            .ToHashSet();
        return Snapshot.Employees
            .Where(e => e.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
            .Where(e => e.DepartmentId == departmentId || helpers.Contains(e.Id))
            .OrderBy(e => e.DepartmentId == departmentId ? 0 : 1)
            .ThenBy(e => e.Id)
            .ToList();
    }
}
