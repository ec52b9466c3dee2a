using System.Text;

namespace Manuals.Core.Coverage.Csv;

/// <summary>Writes CSV for Excel: CRLF line ends, quotes where needed, and no cell that Excel would run as a formula.</summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter Row(params IEnumerable<string?> fields)
    {
        _text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        return this;
    }

    /// <summary>The file's bytes: UTF-8 with a BOM.</summary>
    public byte[] ToBytes() => [.. CsvText.ExportEncoding.GetPreamble(), .. CsvText.ExportEncoding.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    /// <summary>
    /// Quotes a field when it holds a comma, quote, line break or edge spaces. A value starting with = + - @ gets a
    /// leading apostrophe so a spreadsheet shows it as text instead of running it (CSV injection); the import removes it.
    /// </summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>Undoes <see cref="Field"/>'s apostrophe and trims the value as read from a file.</summary>
    public static string Unguard(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return trimmed.Length > 1 && trimmed[0] == '\'' && trimmed[1] is '=' or '+' or '-' or '@' ? trimmed[1..] : trimmed;
    }
}
