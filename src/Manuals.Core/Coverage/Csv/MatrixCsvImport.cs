using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using static Manuals.Core.Coverage.Csv.CoverageCsvFormat;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Imports 星取表 rows: each sets one cell, the 習熟度 (0–3) and, when the file has the column, the 担当区分, of 氏名 on the
/// task 業務名 of 部署. Tasks and employees must exist already (import their files first). Every change is recorded.
/// </summary>
public sealed class MatrixCsvImport(IDepartmentStore departments, IBusinessTaskStore tasks, IEmployeeStore employees, ISkillMatrixStore matrix, TimeProvider clock)
{
    public async Task<CsvImportResult> RunAsync(Viewer viewer, Author author, CsvTable table, CsvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var known = await departments.ListAsync(cancellationToken);
        var departmentByName = known.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var taskByKey = (await tasks.ListAsync(null, cancellationToken)).ToDictionary(t => (t.DepartmentId, t.Name));
        var employeeByName = (await employees.ListAsync(null, cancellationToken)).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var cells = (await matrix.ListCellsAsync(null, cancellationToken)).ToDictionary(c => (c.EmployeeId, c.TaskId));
        var seen = new Dictionary<(long, long), int>();
        var errors = new List<CsvRowError>();
        var edits = new List<SkillCellEdit>();
        int created = 0, updated = 0, unchanged = 0;

        foreach (var row in table.Rows)
        {
            var rowErrors = new RowErrors(row.Line, errors);
            var departmentName = table.Value(row, CsvColumns.Department);
            var taskName = table.Value(row, CsvColumns.TaskName);
            var employeeName = CoverageValidator.NormalizeName(table.Value(row, CsvColumns.EmployeeName));
            BusinessTask? task = null;
            if (departmentName.Length == 0)
            {
                rowErrors.Add(CsvColumns.Department, "Required");
            }
            else if (!departmentByName.TryGetValue(departmentName, out var department))
            {
                rowErrors.Add(CsvColumns.Department, "DepartmentUnknown", departmentName, string.Join("、", known.Select(d => d.Name)));
            }
            else if (!CoverageAccessPolicy.CanEdit(viewer, department.Id))
            {
                rowErrors.Add(CsvColumns.Department, "DepartmentForbidden", departmentName);
            }
            else if (taskName.Length == 0)
            {
                rowErrors.Add(CsvColumns.TaskName, "Required");
            }
            else if (!taskByKey.TryGetValue((department.Id, taskName), out task))
            {
                rowErrors.Add(CsvColumns.TaskName, "TaskUnknown", taskName, departmentName);
            }

            Employee? employee = null;
            if (employeeName.Length == 0)
            {
                rowErrors.Add(CsvColumns.EmployeeName, "Required");
            }
            else if (!employeeByName.TryGetValue(employeeName, out employee))
            {
                rowErrors.Add(CsvColumns.EmployeeName, "EmployeeUnknown", employeeName);
            }

            var levelText = table.Value(row, CsvColumns.Level);
            if (!TryParseLevel(levelText, out var level))
            {
                rowErrors.Add(CsvColumns.Level, levelText.Length == 0 ? "Required" : "LevelInvalid", levelText);
            }

            var roleText = table.Value(row, CsvColumns.Role);
            if (!TryParseRole(roleText, out var role))
            {
                rowErrors.Add(CsvColumns.Role, "RoleUnknown", roleText);
            }

            if (task is not null && employee is not null && !seen.TryAdd((employee.Id, task.Id), row.Line))
            {
                rowErrors.Add(CsvColumns.EmployeeName, "DuplicateRow", employeeName, seen[(employee.Id, task.Id)].ToString(CultureInfo.InvariantCulture));
            }

            if (rowErrors.Any || task is null || employee is null)
            {
                continue;
            }

            var current = cells.GetValueOrDefault((employee.Id, task.Id)) ?? new SkillCell(employee.Id, task.Id, SkillLevel.None, AssignmentRole.None);
            var edit = new SkillCellEdit(employee.Id, task.Id, current.Level, current.Role, level, table.Has(CsvColumns.Role) ? role : current.Role);
            if (!edit.IsChange)
            {
                unchanged++;
                continue;
            }

            if (current.IsEmpty)
            {
                created++;
            }
            else
            {
                updated++;
            }

            edits.Add(edit);
        }

        var written = false;
        if (errors.Count == 0 && !options.DryRun && edits.Count > 0)
        {
            if ((await matrix.ApplyAsync(edits, author, clock.GetUtcNow(), cancellationToken)).Count > 0)
            {
                errors.Add(new CsvRowError(0, "", "Conflict"));
            }
            else
            {
                written = true;
            }
        }

        return new CsvImportResult(CoverageCsvKind.Matrix, table.Encoding, table.Rows.Count, created, updated, unchanged, errors, written);
    }
}
