namespace Manuals.Core.Coverage.Csv;

/// <summary>A decoded, parsed CSV file with its header row: values by column name, so columns may come in any order.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string encoding, Dictionary<string, int> columns, IReadOnlyList<CsvRecord> rows)
    {
        Encoding = encoding;
        _columns = columns;
        Rows = rows;
    }

    public string Encoding { get; }

    /// <summary>The data rows, after the header.</summary>
    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>
    /// Reads <paramref name="bytes"/> as a file of <paramref name="kind"/>: decodes it, parses it and checks the header.
    /// Columns the format does not know are ignored (spreadsheets often carry a notes column).
    /// </summary>
    public static (CsvTable? Table, IReadOnlyList<CsvRowError> Errors) Read(ReadOnlySpan<byte> bytes, CoverageCsvKind kind)
    {
        if (bytes.Length > CoverageLimits.CsvMaxBytes)
        {
            return (null, [new CsvRowError(0, "", "TooLarge", "", (CoverageLimits.CsvMaxBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var (text, encoding, decodeError) = CsvText.Decode(bytes);
        if (text is null)
        {
            return (null, [new CsvRowError(0, "", decodeError!)]);
        }

        var (records, unclosedQuoteLine) = CsvParser.Parse(text);
        if (unclosedQuoteLine is { } line)
        {
            return (null, [new CsvRowError(line, "", "UnclosedQuote")]);
        }

        if (records.Count == 0)
        {
            return (null, [new CsvRowError(0, "", "Empty")]);
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<CsvRowError>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                errors.Add(new CsvRowError(header.Line, name, "HeaderDuplicate", name));
            }
        }

        errors.AddRange(CoverageCsvFormat.RequiredColumns(kind)
            .Where(c => !columns.ContainsKey(c))
            .Select(c => new CsvRowError(header.Line, c, "HeaderMissing", c, string.Join("、", CoverageCsvFormat.Columns(kind)))));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (records.Count == 1)
        {
            return (null, [new CsvRowError(0, "", "NoRows")]);
        }

        return (new CsvTable(encoding, columns, records.Skip(1).ToList()), []);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed value of a column in a row; empty when the row is short or the file has no such column.</summary>
    public string Value(CsvRecord row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(column, out var index) && index < row.Fields.Count
            ? CsvWriter.Unguard(row.Fields[index])
            : "";
    }
}
