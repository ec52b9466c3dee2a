namespace Manuals.Core.Coverage.Csv;

/// <summary>One CSV record and the line of the file it starts on (1-based), for error messages.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
