namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// What an import found and, when <see cref="Written"/>, did. With any error nothing is written: the result lists every
/// error so the file can be fixed in one go.
/// </summary>
/// <param name="Kind">Which file it was.</param>
/// <param name="Encoding">How the file was read (UTF-8 or Shift_JIS); empty when it could not be read.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Created">Rows that create a task, an employee or a cell.</param>
/// <param name="Updated">Rows that change an existing one.</param>
/// <param name="Unchanged">Rows that match what is stored.</param>
/// <param name="Errors">Every problem, in file order.</param>
/// <param name="Written">True when the rows were saved (never on a dry run or with errors).</param>
public sealed record CsvImportResult(
    CoverageCsvKind Kind,
    string Encoding,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<CsvRowError> Errors,
    bool Written)
{
    public static CsvImportResult Failed(CoverageCsvKind kind, string encoding, params CsvRowError[] errors) =>
        new(kind, encoding, 0, 0, 0, 0, errors, false);
}
