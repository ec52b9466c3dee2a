using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Coverage;

/// <summary>Builds the coverage pages' models: reads the snapshot once, evaluates it, and picks what each page shows.</summary>
public sealed class CoveragePages(
    CoverageReader reader,
    IDepartmentStore departments,
    IManualStore manuals,
    ISkillMatrixStore matrix,
    IAccountDirectory accounts,
    CoverageClock clock)
{
    private const int HistoryLength = 200;

    public async Task<CoverageView> ViewAsync(Viewer viewer, CancellationToken cancellationToken) =>
        new(
            viewer,
            await departments.ListAsync(cancellationToken),
            await reader.ReadAsync(cancellationToken),
            clock.Now());

    public async Task<Lookup<TaskListPage>> TasksAsync(Viewer viewer, long? departmentId, CoverageRisk? risk, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var selected = departmentId is { } id ? view.Departments.FirstOrDefault(d => d.Id == id) : null;
        if (departmentId is { } wanted && selected is null)
        {
            return new Lookup<TaskListPage>(null, view.DepartmentStatus(wanted));
        }

        var tasks = view.Report.Tasks
            .Where(t => selected is null || t.Task.DepartmentId == selected.Id)
            .Where(t => risk is null || t.Risk == risk)
            .OrderBy(t => DepartmentOrder(view, t.Task.DepartmentId))
            .ThenBy(t => t.Risk)
            .ThenBy(t => t.Task.Criticality)
            .ThenBy(t => t.Task.Name, StringComparer.Ordinal)
            .ToList();
        return Lookups.Found(new TaskListPage(view, selected, risk, tasks));
    }

    public async Task<Lookup<ManualTasksPage>> ManualTasksAsync(Viewer viewer, long manualId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return Lookups.NotFound<ManualTasksPage>();
        }

        var summary = ManualAccessPolicy.CanRead(viewer, manual) ? (await manuals.ListByIdsAsync([manualId], cancellationToken)).SingleOrDefault() : null;
        if (summary is null)
        {
            return Lookups.Forbidden<ManualTasksPage>();
        }

        var linked = view.Report.Tasks.Where(t => t.Task.ManualIds.Contains(manualId)).ToList();
        var linkable = view.Snapshot.Tasks
            .Where(t => view.CanEdit(t.DepartmentId) && !t.ManualIds.Contains(manualId))
            .OrderBy(t => t.DepartmentId == summary.DepartmentId ? 0 : 1)
            .ThenBy(t => t.DepartmentId)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return Lookups.Found(new ManualTasksPage(view, summary, linked, linkable));
    }

    public async Task<Lookup<TaskDetailPage>> TaskAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var coverage = view.Report.Find(id);
        if (coverage is null)
        {
            // Another department's task is refused like an unreadable manual; one that does not exist is not found.
            return view.Snapshot.Tasks.Any(t => t.Id == id) ? Lookups.Forbidden<TaskDetailPage>() : Lookups.NotFound<TaskDetailPage>();
        }

        var people = view.MatrixEmployees(coverage.Task.DepartmentId)
            .Select(e => (Employee: e, Cell: view.Snapshot.CellOf(e.Id, id)))
            .OrderByDescending(p => p.Cell.Level)
            .ThenBy(p => p.Cell.Role == AssignmentRole.None ? 1 : 0)
            .ThenBy(p => p.Employee.Name, StringComparer.Ordinal)
            .ToList();
        // Any manual the viewer may read can be linked, so this page alone reads them all.
        var linkable = view.ReadableManuals(await manuals.ListAsync(null, cancellationToken), coverage.Task.DepartmentId).Where(m => !coverage.Task.ManualIds.Contains(m.Id)).ToList();
        var history = await matrix.ListChangesAsync(null, id, null, HistoryLength, cancellationToken);
        return Lookups.Found(new TaskDetailPage(view, coverage, people, linkable, history));
    }

    public async Task<TaskFormPage> TaskFormAsync(Viewer viewer, TaskFormModel form, long? taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var choices = (await departments.ListAsync(cancellationToken))
            .Where(d => CoverageAccessPolicy.CanEdit(viewer, d.Id) || d.Id == form.DepartmentId)
            .ToList();
        return new TaskFormPage(form, choices, taskId);
    }

    public async Task<Lookup<EmployeeListPage>> EmployeesAsync(Viewer viewer, long? departmentId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var selected = departmentId is { } id ? view.Departments.FirstOrDefault(d => d.Id == id) : null;
        return departmentId is { } wanted && selected is null
            ? new Lookup<EmployeeListPage>(null, view.DepartmentStatus(wanted))
            : Lookups.Found(new EmployeeListPage(view, selected));
    }

    public async Task<Lookup<EmployeeDetailPage>> EmployeeAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        if (!view.Snapshot.EmployeesById.TryGetValue(id, out var employee))
        {
            return Lookups.NotFound<EmployeeDetailPage>();
        }

        if (!view.CanSeePeopleOf(employee.DepartmentId))
        {
            return Lookups.Forbidden<EmployeeDetailPage>();
        }

        var tasks = view.Snapshot.Cells
            .Where(c => c.EmployeeId == id && !c.IsEmpty)
            .Select(c => (Coverage: view.Report.Find(c.TaskId)!, Cell: c))
            .Where(x => x.Coverage is not null)
            .OrderByDescending(x => x.Cell.Level)
            .ThenBy(x => x.Coverage.Task.DepartmentId)
            .ThenBy(x => x.Coverage.Task.Name, StringComparer.Ordinal)
            .ToList();
        var userName = employee.UserId is { } userId && view.CanSeePersonalDetails(employee)
            ? (await accounts.FindAsync(userId, cancellationToken))?.UserName
            : null;
        // Their changes on the tasks of departments the viewer may see (a helper's cells elsewhere stay there).
        var history = (await matrix.ListChangesAsync(null, null, id, HistoryLength, cancellationToken))
            .Where(c => view.CanSeePeopleOf(c.DepartmentId))
            .ToList();
        return Lookups.Found(new EmployeeDetailPage(view, employee, userName, tasks, await TaskManualsAsync(view, id, cancellationToken), history));
    }

    /// <summary>
    /// The employee's tasks with manuals (a level or role on them, or a manual of theirs read), each with its manuals the
    /// viewer may read and what the employee read of them; tasks with no such manual are left out.
    /// </summary>
    private async Task<IReadOnlyList<EmployeeTaskManuals>> TaskManualsAsync(CoverageView view, long employeeId, CancellationToken cancellationToken)
    {
        var confirmations = await reader.ReadConfirmationsAsync([employeeId], null, m => view.ReadableManual(m) is not null, cancellationToken);
        var read = confirmations.TaskIdsOf(employeeId);
        return view.Report.Tasks
            .Select(c => (Coverage: c, Cell: view.Snapshot.CellOf(employeeId, c.Task.Id)))
            .Where(x => !x.Cell.IsEmpty || read.Contains(x.Coverage.Task.Id))
            .Select(x => new EmployeeTaskManuals(
                x.Coverage,
                x.Cell,
                x.Coverage.Task.ManualIds
                    .Select(view.ReadableManual)
                    .OfType<ManualSummary>()
                    .Select(m => new TaskManualReading(m, confirmations.Find(employeeId, x.Coverage.Task.Id, m.Id)))
                    .ToList(),
                confirmations.ShowsHint(employeeId, x.Coverage.Task.Id, x.Cell.Level)))
            .Where(t => t.Manuals.Count > 0)
            .OrderByDescending(t => t.Cell.Level)
            .ThenBy(t => t.Coverage.Task.DepartmentId)
            .ThenBy(t => t.Coverage.Task.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The employee form; <paramref name="existing"/> is the stored person when editing, null when creating.</summary>
    public async Task<EmployeeFormPage> EmployeeFormAsync(Viewer viewer, EmployeeFormModel form, Employee? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var choices = (await departments.ListAsync(cancellationToken))
            .Where(d => CoverageAccessPolicy.CanEdit(viewer, d.Id) || d.Id == form.DepartmentId)
            .ToList();
        // Offered: the accounts the viewer may link to a person of a department they edit (the rule is checked on save),
        // and the person's current link, which stays saveable. Not any other account whose id was posted: the refused
        // form would name it, and any account's name could be read by trying ids.
        var users = (await accounts.ListAsync(cancellationToken))
            .Where(u => u.Id == existing?.UserId || (!u.IsDisabled && choices.Any(d => CoverageAccessPolicy.CanLinkAccount(viewer, u, d.Id))))
            .ToList();
        return new EmployeeFormPage(form, choices, users, existing?.Id);
    }

    /// <summary>
    /// A page of the matrix of a department (without one, the viewer's first department, or the first of all): its
    /// people and <see cref="MatrixPage.TasksPerPage"/> of its tasks. A page past the last shows the last.
    /// </summary>
    public async Task<Lookup<MatrixPage>> MatrixAsync(Viewer viewer, long? departmentId, int page, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var department = departmentId is { } id
            ? view.Departments.FirstOrDefault(d => d.Id == id)
            : view.Departments.FirstOrDefault(d => viewer.BelongsTo(d.Id)) ?? (view.Departments.Count > 0 ? view.Departments[0] : null);
        if (department is null)
        {
            return new Lookup<MatrixPage>(null, departmentId is { } wanted ? view.DepartmentStatus(wanted) : LookupStatus.NotFound);
        }

        var all = view.TasksOf(department.Id).OrderBy(t => t.Task.Id).ToList();
        var shown = Pagination.Slice(all, page, MatrixPage.TasksPerPage);
        var tasks = shown.Items;
        var employees = view.MatrixEmployees(department.Id);
        var confirmations = tasks.Count == 0
            ? ManualConfirmations.None
            : await reader.ReadConfirmationsAsync(employees.Select(e => e.Id).ToList(), department.Id, m => view.ReadableManual(m) is not null, cancellationToken);
        return Lookups.Found(new MatrixPage(view, department, employees, tasks)
        {
            Confirmations = confirmations,
            PageNumber = shown.Number,
            PageCount = shown.Count,
            TaskTotal = all.Count,
        });
    }

    public async Task<Lookup<MatrixHistoryPage>> MatrixHistoryAsync(Viewer viewer, long departmentId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        var department = view.Departments.FirstOrDefault(d => d.Id == departmentId);
        if (department is null)
        {
            return new Lookup<MatrixHistoryPage>(null, view.DepartmentStatus(departmentId));
        }

        var changes = await matrix.ListChangesAsync(departmentId, null, null, HistoryLength, cancellationToken);
        return Lookups.Found(new MatrixHistoryPage(view, department, changes));
    }

    public async Task<DashboardPage> DashboardAsync(Viewer viewer, CancellationToken cancellationToken) =>
        new(await ViewAsync(viewer, cancellationToken));

    /// <summary>
    /// The what-if for the given employees, on the tasks the viewer may see; unknown ids are a 404 rather than silently
    /// ignored, and other departments' people a 403.
    /// </summary>
    public async Task<Lookup<WhatIfPage>> WhatIfAsync(Viewer viewer, IReadOnlyCollection<long> employeeIds, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(viewer, cancellationToken);
        if (employeeIds.Any(id => !view.Snapshot.EmployeesById.ContainsKey(id)))
        {
            return Lookups.NotFound<WhatIfPage>();
        }

        var chosen = employeeIds.Distinct().Select(id => view.Snapshot.EmployeesById[id]).ToList();
        if (chosen.Any(e => !view.CanSeePeopleOf(e.DepartmentId)))
        {
            return Lookups.Forbidden<WhatIfPage>();
        }

        var rows = chosen.Count == 0
            ? []
            : CoverageWhatIf.Compare(view.Snapshot, chosen.Select(e => e.Id).ToHashSet(), view.Moment)
                .Where(r => view.CanSeePeopleOf(r.Task.DepartmentId))
                .ToList();
        return Lookups.Found(new WhatIfPage(view, chosen, rows));
    }

    private static int DepartmentOrder(CoverageView view, long departmentId)
    {
        for (var i = 0; i < view.Departments.Count; i++)
        {
            if (view.Departments[i].Id == departmentId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
