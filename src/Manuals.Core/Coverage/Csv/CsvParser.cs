using System.Text;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// Reads RFC 4180 CSV as Excel writes it: comma separated, fields optionally in double quotes with "" for a quote,
/// line breaks inside quoted fields, CRLF, LF or CR line ends. Blank lines (and lines of only commas) are skipped.
/// </summary>
public static class CsvParser
{
    /// <summary>The records, or the line of a quote that is never closed.</summary>
    public static (IReadOnlyList<CsvRecord> Records, int? UnclosedQuoteLine) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += IsLineBreak(text, i) ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    Add(records, recordLine, fields);
                    fields = [];
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (inQuotes)
        {
            return (records, quoteLine);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            Add(records, recordLine, fields);
        }

        return (records, null);
    }

    private static void Add(List<CsvRecord> records, int line, List<string> fields)
    {
        if (fields.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            records.Add(new CsvRecord(line, fields));
        }
    }

    /// <summary>A CR, an LF, or the CR of a CRLF counts as one line break (the LF of a CRLF does not count again).</summary>
    private static bool IsLineBreak(string text, int i) =>
        text[i] == '\n' ? i == 0 || text[i - 1] != '\r' : text[i] == '\r';
}
