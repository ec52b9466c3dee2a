using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using static Manuals.Core.Coverage.Csv.CoverageCsvFormat;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Imports 業務一覧: a row creates the task named 業務名 in 部署, or updates it. When the file has a マニュアル column,
/// each task's links become exactly the manuals named there (titles separated by | or line breaks).
/// </summary>
public sealed class TaskCsvImport(IDepartmentStore departments, IBusinessTaskStore tasks, IManualStore manuals, TimeProvider clock)
{
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        [nameof(BusinessTask.Name)] = CsvColumns.TaskName,
        [nameof(BusinessTask.Description)] = CsvColumns.Description,
        [nameof(BusinessTask.Timing)] = CsvColumns.Timing,
    };

    public async Task<CsvImportResult> RunAsync(Viewer viewer, CsvTable table, CsvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var known = await departments.ListAsync(cancellationToken);
        var departmentByName = known.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var existing = (await tasks.ListAsync(null, cancellationToken)).ToDictionary(t => (t.DepartmentId, t.Name));
        var readable = (await manuals.ListAsync(null, cancellationToken)).Where(m => ManualAccessPolicy.CanRead(viewer, m)).ToList();
        var seen = new Dictionary<(long, string), int>();
        var errors = new List<CsvRowError>();
        var planned = new List<BusinessTask>();
        int created = 0, updated = 0, unchanged = 0;

        foreach (var row in table.Rows)
        {
            var rowErrors = new RowErrors(row.Line, errors);
            var departmentName = table.Value(row, CsvColumns.Department);
            var name = table.Value(row, CsvColumns.TaskName);
            long departmentId = 0;
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
            else
            {
                departmentId = department.Id;
            }

            if (departmentId != 0 && name.Length > 0 && !seen.TryAdd((departmentId, name), row.Line))
            {
                rowErrors.Add(CsvColumns.TaskName, "DuplicateRow", name, seen[(departmentId, name)].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var current = existing.GetValueOrDefault((departmentId, name));
            var task = new BusinessTask
            {
                Id = current?.Id ?? 0,
                DepartmentId = departmentId,
                Name = name,
                Description = table.Has(CsvColumns.Description) ? table.Value(row, CsvColumns.Description) : current?.Description ?? "",
                Timing = table.Has(CsvColumns.Timing) ? table.Value(row, CsvColumns.Timing) : current?.Timing ?? "",
                ManualIds = current?.ManualIds ?? [],
            };

            var frequency = table.Value(row, CsvColumns.Frequency);
            if (TryParseFrequency(frequency, out var parsedFrequency))
            {
                task.Frequency = parsedFrequency;
            }
            else
            {
                rowErrors.Add(CsvColumns.Frequency, frequency.Length == 0 ? "Required" : "FrequencyUnknown", frequency, string.Join("・", FrequencyChoices));
            }

            var criticality = table.Value(row, CsvColumns.Criticality);
            if (TryParseCriticality(criticality, out var parsedCriticality))
            {
                task.Criticality = parsedCriticality;
            }
            else
            {
                rowErrors.Add(CsvColumns.Criticality, criticality.Length == 0 ? "Required" : "CriticalityUnknown", criticality, string.Join("・", CriticalityChoices));
            }

            if (table.Has(CsvColumns.Manuals))
            {
                task.ManualIds = FindManuals(table.Value(row, CsvColumns.Manuals), departmentId, readable, rowErrors);
            }

            rowErrors.AddValidation(CoverageValidator.Validate(task, known.Select(d => d.Id)), ColumnOfField, c => table.Value(row, c));
            if (rowErrors.Any)
            {
                continue;
            }

            if (current is null)
            {
                created++;
                planned.Add(task);
            }
            else if (SameAs(current, task))
            {
                unchanged++;
            }
            else
            {
                updated++;
                planned.Add(task);
            }
        }

        var written = false;
        if (errors.Count == 0 && !options.DryRun && planned.Count > 0)
        {
            if (!await tasks.SaveManyAsync(planned, clock.GetUtcNow(), cancellationToken))
            {
                errors.Add(new CsvRowError(0, "", "Conflict"));
            }
            else
            {
                written = true;
            }
        }

        return new CsvImportResult(CoverageCsvKind.Tasks, table.Encoding, table.Rows.Count, created, updated, unchanged, errors, written);
    }

    /// <summary>Titles to manual ids: a title used in several departments means the one in the task's department.</summary>
    private static List<long> FindManuals(string text, long departmentId, List<ManualSummary> readable, RowErrors rowErrors)
    {
        var ids = new List<long>();
        foreach (var title in text.Split([ManualSeparator, '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matches = readable.Where(m => m.Title == title).ToList();
            if (matches.Count > 1)
            {
                matches = matches.Where(m => m.DepartmentId == departmentId).ToList();
                if (matches.Count != 1)
                {
                    rowErrors.Add(CsvColumns.Manuals, "ManualAmbiguous", title);
                    continue;
                }
            }

            if (matches.Count == 0)
            {
                rowErrors.Add(CsvColumns.Manuals, "ManualUnknown", title);
                continue;
            }

            if (!ids.Contains(matches[0].Id))
            {
                ids.Add(matches[0].Id);
            }
        }

        return ids;
    }

    private static bool SameAs(BusinessTask a, BusinessTask b) =>
        a.Description == b.Description
        && a.Frequency == b.Frequency
        && a.Timing == b.Timing
        && a.Criticality == b.Criticality
        && a.ManualIds.Order().SequenceEqual(b.ManualIds.Order());
}
