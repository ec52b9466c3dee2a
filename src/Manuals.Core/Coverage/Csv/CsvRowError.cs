namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Why a row (or the whole file, at line 0) cannot be imported. <paramref name="Code"/> is localised by the web layer
/// as <c>Coverage.Csv.Error.{Code}</c> with <paramref name="Value"/> and <paramref name="Detail"/> as arguments.
/// </summary>
/// <param name="Line">The line of the file the row starts on, 1-based; 0 for the file as a whole.</param>
/// <param name="Column">The column name as the file has it; empty for a whole row or file.</param>
/// <param name="Code">The rule, e.g. <c>DepartmentUnknown</c>.</param>
/// <param name="Value">The offending value as written in the file.</param>
/// <param name="Detail">More data for the message: the allowed values, the other line of a duplicate, a limit.</param>
public sealed record CsvRowError(int Line, string Column, string Code, string Value = "", string Detail = "");
