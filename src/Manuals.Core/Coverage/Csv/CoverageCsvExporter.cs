using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using static Manuals.Core.Coverage.Csv.CoverageCsvFormat;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Writes the tasks, employees or matrix as CSV for Excel (UTF-8 with BOM), in the same format the import reads, so a
/// file can be exported, edited and imported again. It holds what the pages show the viewer
/// (<see cref="CoverageAccessPolicy"/>): the tasks, people and matrix of the departments they may see, and 在籍状況, its
/// date, e-mail address and user name only where they may see personal details (blank otherwise, and people who have
/// gone — 異動済・退職済 — left out).
/// </summary>
public sealed class CoverageCsvExporter(
    IDepartmentStore departments, IBusinessTaskStore tasks, IEmployeeStore employees, ISkillMatrixStore matrix, IManualStore manuals, IAccountDirectory accounts)
{
    public async Task<byte[]> ExportAsync(Viewer viewer, CoverageCsvKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var departmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var writer = new CsvWriter().Row(Columns(kind));
        switch (kind)
        {
            case CoverageCsvKind.Tasks:
                // Only titles the viewer may read; a link to a manual they cannot see is left out rather than revealed.
                var titles = (await manuals.ListAsync(null, cancellationToken))
                    .Where(m => ManualAccessPolicy.CanRead(viewer, m))
                    .ToDictionary(m => m.Id, m => m.Title);
                foreach (var task in (await tasks.ListAsync(null, cancellationToken)).Where(t => CoverageAccessPolicy.CanSeePeopleOf(viewer, t.DepartmentId)))
                {
                    var linked = task.ManualIds.Where(titles.ContainsKey).Select(id => titles[id]);
                    writer.Row(
                        departmentNames.GetValueOrDefault(task.DepartmentId), task.Name, task.Description, Word(task.Frequency),
                        task.Timing, Word(task.Criticality), string.Join($" {ManualSeparator} ", linked));
                }

                break;
            case CoverageCsvKind.Employees:
                var userNames = (await accounts.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.UserName);
                foreach (var employee in (await employees.ListAsync(null, cancellationToken)).Where(e => CoverageAccessPolicy.CanSeePeopleOf(viewer, e.DepartmentId)))
                {
                    if (CoverageAccessPolicy.CanSeePersonalDetails(viewer, employee.DepartmentId))
                    {
                        writer.Row(
                            departmentNames.GetValueOrDefault(employee.DepartmentId), employee.Name, employee.Email, Word(employee.Status),
                            FormatDate(employee.StatusDate), employee.UserId is { } userId ? userNames.GetValueOrDefault(userId) : "");
                    }
                    else if (employee.Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
                    {
                        writer.Row(departmentNames.GetValueOrDefault(employee.DepartmentId), employee.Name, "", "", "", "");
                    }
                }

                break;
            default:
                var taskById = (await tasks.ListAsync(null, cancellationToken))
                    .Where(t => CoverageAccessPolicy.CanSeePeopleOf(viewer, t.DepartmentId))
                    .ToDictionary(t => t.Id);
                var employeeById = (await employees.ListAsync(null, cancellationToken)).ToDictionary(e => e.Id);
                var rows = (await matrix.ListCellsAsync(null, cancellationToken))
                    .Where(c => !c.IsEmpty && taskById.ContainsKey(c.TaskId) && employeeById.ContainsKey(c.EmployeeId))
                    .Where(c => CoverageAccessPolicy.CanSeePersonalDetails(viewer, employeeById[c.EmployeeId].DepartmentId)
                        || employeeById[c.EmployeeId].Status is not (EmployeeStatus.Transferred or EmployeeStatus.Left))
                    .Select(c => (Cell: c, Task: taskById[c.TaskId], Employee: employeeById[c.EmployeeId]))
                    .OrderBy(x => x.Task.DepartmentId)
                    .ThenBy(x => x.Task.Name, StringComparer.Ordinal)
                    .ThenBy(x => x.Employee.Name, StringComparer.Ordinal);
                foreach (var (cell, task, employee) in rows)
                {
                    writer.Row(
                        departmentNames.GetValueOrDefault(task.DepartmentId), task.Name, employee.Name,
                        ((int)cell.Level).ToString(System.Globalization.CultureInfo.InvariantCulture), Word(cell.Role));
                }

                break;
        }

        return writer.ToBytes();
    }
}
