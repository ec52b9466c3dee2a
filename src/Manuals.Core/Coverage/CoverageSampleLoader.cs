using Manuals.Core.Accounts;
using Manuals.Core.Coverage.Csv;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Loads the sample company (samples/coverage: employees.csv, tasks.csv, matrix.csv) through the CSV import when
/// there are no tasks and no employees yet, so the dashboard means something on first start.
/// </summary>
public sealed class CoverageSampleLoader(CoverageCsvImporter importer, IBusinessTaskStore tasks, IEmployeeStore employees, TimeProvider clock)
{
    /// <summary>
    /// The day the samples' transfer and leaving dates were written for. They are moved by the days since, so an
    /// employee 「退職予定」 two weeks after this day is still two weeks from leaving whenever the samples are loaded.
    /// </summary>
    public static readonly DateOnly SampleDatesAsOf = new(2026, 11, 20);

    private static readonly (CoverageCsvKind Kind, string File)[] Files =
    [
        (CoverageCsvKind.Employees, "employees.csv"),
        (CoverageCsvKind.Tasks, "tasks.csv"),
        (CoverageCsvKind.Matrix, "matrix.csv"),
    ];

    /// <summary>The results of each file imported, or an empty list when coverage data already exists or the folder is missing.</summary>
    public async Task<IReadOnlyList<(string File, CsvImportResult Result)>> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)
            || await tasks.CountAsync(cancellationToken) > 0
            || await employees.CountAsync(cancellationToken) > 0)
        {
            return [];
        }

        var system = new Viewer(0, new HashSet<string>(StringComparer.Ordinal) { Roles.Admin }, new HashSet<long>());
        var shift = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber - SampleDatesAsOf.DayNumber;
        var results = new List<(string, CsvImportResult)>();
        foreach (var (kind, file) in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var result = await importer.ImportAsync(
                system, new Author(null, "samples/coverage/" + file), kind, bytes, new CsvImportOptions(DryRun: false, shift), cancellationToken);
            results.Add((file, result));
            if (result.Errors.Count > 0)
            {
                break;
            }
        }

        return results;
    }
}
