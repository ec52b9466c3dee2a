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
    /// Quotes a field when it holds a comma, quote, line break or edge spaces. A value a spreadsheet would run as a
    /// formula (<see cref="LooksLikeFormula"/>) gets a leading apostrophe so it shows as text (CSV injection); the import
    /// removes it.
    /// </summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (LooksLikeFormula(value))
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
        return trimmed.Length > 1 && trimmed[0] == '\'' && LooksLikeFormula(trimmed[1..]) ? trimmed[1..].Trim() : trimmed;
    }

    /// <summary>
    /// Whether a spreadsheet could take the value for a formula: it starts with a tab, a line break, or — after any
    /// spaces (U+3000 too) — with = + - @ in any width (＝ ＋ － ＠ and the small forms ﹦ ﹢ ﹣ ﹫, which Excel's Japanese
    /// input converts), i.e. any character whose compatibility form (NFKC) is one of them.
    /// </summary>
    public static bool LooksLikeFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '\t' or '\r' or '\n')
        {
            return true;
        }

        var start = 0;
        while (start < value.Length && char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        if (start == value.Length)
        {
            return false;
        }

        var first = value[start];
        var folded = first < 0x80 ? first.ToString() : first.ToString().Normalize(NormalizationForm.FormKC);
        return folded is "=" or "+" or "-" or "@";
    }
}
