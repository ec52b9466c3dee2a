using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Departments;
using static Manuals.Core.Coverage.Csv.CoverageCsvFormat;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Imports 担当者一覧: a row creates the employee named 氏名 or updates them (names are unique across the company, so a
/// row with another 部署 moves the person). ユーザー名 links the employee to that sign-in account.
/// </summary>
public sealed class EmployeeCsvImport(IDepartmentStore departments, IEmployeeStore employees, IAccountDirectory accounts, TimeProvider clock)
{
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(Employee.Name)] = CsvColumns.EmployeeName,
        [nameof(Employee.Email)] = CsvColumns.Email,
        [nameof(Employee.StatusDate)] = CsvColumns.StatusDate,
    };

    public async Task<CsvImportResult> RunAsync(Viewer viewer, CsvTable table, CsvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var known = await departments.ListAsync(cancellationToken);
        var departmentByName = known.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var existing = (await employees.ListAsync(null, cancellationToken)).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var users = (await accounts.ListAsync(cancellationToken)).ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<CsvRowError>();
        var planned = new List<Employee>();
        int created = 0, updated = 0, unchanged = 0;

        foreach (var row in table.Rows)
        {
            var rowErrors = new RowErrors(row.Line, errors);
            var name = CoverageValidator.NormalizeName(table.Value(row, CsvColumns.EmployeeName));
            var current = existing.GetValueOrDefault(name);
            var departmentName = table.Value(row, CsvColumns.Department);
            long departmentId = 0;
            if (departmentName.Length == 0)
            {
                rowErrors.Add(CsvColumns.Department, "Required");
            }
            else if (!departmentByName.TryGetValue(departmentName, out var department))
            {
                rowErrors.Add(CsvColumns.Department, "DepartmentUnknown", departmentName, string.Join("、", known.Select(d => d.Name)));
            }
            else if (!CoverageAccessPolicy.CanEdit(viewer, department.Id)
                || (current is not null && !CoverageAccessPolicy.CanEdit(viewer, current.DepartmentId)))
            {
                rowErrors.Add(CsvColumns.Department, "DepartmentForbidden", departmentName);
            }
            else
            {
                departmentId = department.Id;
            }

            if (name.Length > 0 && !seen.TryAdd(name, row.Line))
            {
                rowErrors.Add(CsvColumns.EmployeeName, "DuplicateRow", name, seen[name].ToString(CultureInfo.InvariantCulture));
            }

            var employee = new Employee
            {
                Id = current?.Id ?? 0,
                Name = name,
                DepartmentId = departmentId,
                Email = table.Has(CsvColumns.Email) ? NullIfEmpty(table.Value(row, CsvColumns.Email)) : current?.Email,
                StatusDate = current?.StatusDate,
                UserId = current?.UserId,
            };

            var status = table.Value(row, CsvColumns.Status);
            if (TryParseStatus(status, out var parsedStatus))
            {
                employee.Status = parsedStatus;
            }
            else
            {
                rowErrors.Add(CsvColumns.Status, status.Length == 0 ? "Required" : "StatusUnknown", status, string.Join("・", StatusChoices));
            }

            var dateInvalid = false;
            if (table.Has(CsvColumns.StatusDate))
            {
                var date = table.Value(row, CsvColumns.StatusDate);
                employee.StatusDate = null;
                if (date.Length > 0 && TryParseDate(date, out var parsedDate))
                {
                    if (InputDates.IsSupported(parsedDate))
                    {
                        employee.StatusDate = parsedDate.AddDays(options.DateShiftDays);
                    }
                    else
                    {
                        // 0001-01-01 or 9999-12-31 would break the date arithmetic further on (and shifting it here).
                        rowErrors.Add(CsvColumns.StatusDate, "DateOutOfRange", date);
                        dateInvalid = true;
                    }
                }
                else if (date.Length > 0)
                {
                    rowErrors.Add(CsvColumns.StatusDate, "DateInvalid", date);
                    dateInvalid = true;
                }
            }

            if (employee.Status == EmployeeStatus.Active)
            {
                employee.StatusDate = null;
            }

            if (table.Has(CsvColumns.UserName))
            {
                var userName = table.Value(row, CsvColumns.UserName);
                employee.UserId = null;
                if (userName.Length > 0 && users.TryGetValue(userName, out var user))
                {
                    employee.UserId = user.Id;
                    var unchangedLink = current is not null && current.UserId == user.Id && current.DepartmentId == departmentId;
                    if (departmentId != 0 && !unchangedLink && !CoverageAccessPolicy.CanLinkAccount(viewer, user, departmentId))
                    {
                        rowErrors.Add(CsvColumns.UserName, "UserNotInDepartment", userName, departmentName);
                    }
                }
                else if (userName.Length > 0)
                {
                    rowErrors.Add(CsvColumns.UserName, "UserUnknown", userName);
                }
            }

            var validation = CoverageValidator.Validate(employee, known.Select(d => d.Id))
                .Where(e => !(dateInvalid && e.Code == "StatusDateRequired"));
            rowErrors.AddValidation(validation, ColumnOfField, c => table.Value(row, c));

            if (rowErrors.Any)
            {
                continue;
            }

            if (current is null)
            {
                created++;
                planned.Add(employee);
            }
            else if (SameAs(current, employee))
            {
                unchanged++;
            }
            else
            {
                updated++;
                planned.Add(employee);
            }
        }

        var written = false;
        if (errors.Count == 0 && !options.DryRun && planned.Count > 0)
        {
            if (!await employees.SaveManyAsync(planned, clock.GetUtcNow(), cancellationToken))
            {
                errors.Add(new CsvRowError(0, "", "Conflict"));
            }
            else
            {
                written = true;
            }
        }

        return new CsvImportResult(CoverageCsvKind.Employees, table.Encoding, table.Rows.Count, created, updated, unchanged, errors, written);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static bool SameAs(Employee a, Employee b) =>
        a.DepartmentId == b.DepartmentId
        && a.Email == b.Email
        && a.Status == b.Status
        && a.StatusDate == b.StatusDate
        && a.UserId == b.UserId;
}
