using Manuals.Core.Common;

namespace Manuals.Core.Coverage.Csv;

/// <summary>Collects the errors of one row; maps validator errors (by field) to the file's columns.</summary>
internal sealed class RowErrors(int line, List<CsvRowError> all)
{
    private int _count;

    public bool Any => _count > 0;

    public void Add(string column, string code, string value = "", string detail = "")
    {
        all.Add(new CsvRowError(line, column, code, value, detail));
        _count++;
    }

    /// <summary>Adds the validator's errors as <c>Validation.{Code}</c>, except those already reported by the parsing.</summary>
    public void AddValidation(IEnumerable<ValidationError> errors, IReadOnlyDictionary<string, string> columnOfField, Func<string, string> valueOf)
    {
        foreach (var error in errors)
        {
            if (error.Code == "DepartmentUnknown")
            {
                continue; // reported with the value by the department lookup
            }

            var column = columnOfField.GetValueOrDefault(error.Field, error.Field);
            Add(column, "Validation." + error.Code, valueOf(column));
        }
    }
}
