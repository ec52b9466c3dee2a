using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Imports a tasks, employees or matrix CSV file. The whole file is checked first and every problem reported with its
/// line and column; a file with any problem writes nothing, and a file without problems is written in one transaction.
/// </summary>
public sealed class CoverageCsvImporter(TaskCsvImport tasks, EmployeeCsvImport employees, MatrixCsvImport matrix)
{
    /// <param name="viewer">Who imports; rows of departments they may not edit are errors.</param>
    /// <param name="author">Recorded on matrix changes.</param>
    /// <param name="kind">Which file it is.</param>
    /// <param name="bytes">The file as uploaded: UTF-8 (with or without BOM) or Shift_JIS.</param>
    /// <param name="options">Dry run or not.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public async Task<CsvImportResult> ImportAsync(
        Viewer viewer, Author author, CoverageCsvKind kind, ReadOnlyMemory<byte> bytes, CsvImportOptions options, CancellationToken cancellationToken)
    {
        var (table, errors) = CsvTable.Read(bytes.Span, kind);
        if (table is null)
        {
            return CsvImportResult.Failed(kind, "", [.. errors]);
        }

        return kind switch
        {
            CoverageCsvKind.Tasks => await tasks.RunAsync(viewer, table, options, cancellationToken),
            CoverageCsvKind.Employees => await employees.RunAsync(viewer, table, options, cancellationToken),
            _ => await matrix.RunAsync(viewer, author, table, options, cancellationToken),
        };
    }
}
