using System.Globalization;
using System.Text;

namespace Manuals.Core.Coverage.Csv;

/// <summary>
/// The file format: Japanese column names and the Japanese words for values, as a back-office spreadsheet has them.
/// These words are data, like a manual's front matter, not UI text.
/// </summary>
public static class CoverageCsvFormat
{

    /// <summary>Separates manual titles in the マニュアル column (a line break works too).</summary>
    public const char ManualSeparator = '|';

    private static readonly Dictionary<TaskFrequency, string> FrequencyWords = new()
    {
        [TaskFrequency.Daily] = "毎日",
        [TaskFrequency.Weekly] = "毎週",
        [TaskFrequency.Monthly] = "毎月",
        [TaskFrequency.Quarterly] = "四半期",
        [TaskFrequency.Yearly] = "毎年",
        [TaskFrequency.AsNeeded] = "随時",
    };

    private static readonly Dictionary<TaskCriticality, string> CriticalityWords = new()
    {
        [TaskCriticality.High] = "高",
        [TaskCriticality.Medium] = "中",
        [TaskCriticality.Low] = "低",
    };

    private static readonly Dictionary<EmployeeStatus, string> StatusWords = new()
    {
        [EmployeeStatus.Active] = "在籍",
        [EmployeeStatus.TransferScheduled] = "異動予定",
        [EmployeeStatus.LeavingScheduled] = "退職予定",
        [EmployeeStatus.Transferred] = "異動済",
        [EmployeeStatus.Left] = "退職済",
        [EmployeeStatus.OnLeave] = "休職中",
    };

    private static readonly Dictionary<AssignmentRole, string> RoleWords = new()
    {
        [AssignmentRole.None] = "",
        [AssignmentRole.Primary] = "主担当",
        [AssignmentRole.Backup] = "副担当",
    };

    /// <summary>The columns of each file, in the order exports write them.</summary>
    public static IReadOnlyList<string> Columns(CoverageCsvKind kind) => kind switch
    {
        CoverageCsvKind.Tasks => [CsvColumns.Department, CsvColumns.TaskName, CsvColumns.Description, CsvColumns.Frequency, CsvColumns.Timing, CsvColumns.Criticality, CsvColumns.Manuals],
        CoverageCsvKind.Employees => [CsvColumns.Department, CsvColumns.EmployeeName, CsvColumns.Email, CsvColumns.Status, CsvColumns.StatusDate, CsvColumns.UserName],
        _ => [CsvColumns.Department, CsvColumns.TaskName, CsvColumns.EmployeeName, CsvColumns.Level, CsvColumns.Role],
    };

    /// <summary>The columns an import cannot do without; a missing optional column leaves that field as it is.</summary>
    public static IReadOnlyList<string> RequiredColumns(CoverageCsvKind kind) => kind switch
    {
        CoverageCsvKind.Tasks => [CsvColumns.Department, CsvColumns.TaskName, CsvColumns.Frequency, CsvColumns.Criticality],
        CoverageCsvKind.Employees => [CsvColumns.Department, CsvColumns.EmployeeName, CsvColumns.Status],
        _ => [CsvColumns.Department, CsvColumns.TaskName, CsvColumns.EmployeeName, CsvColumns.Level],
    };

    public static string Word(TaskFrequency value) => FrequencyWords[value];

    public static string Word(TaskCriticality value) => CriticalityWords[value];

    public static string Word(EmployeeStatus value) => StatusWords[value];

    public static string Word(AssignmentRole value) => RoleWords[value];

    /// <summary>The allowed words, for error messages: 毎日・毎週・….</summary>
    public static IReadOnlyList<string> FrequencyChoices => [.. FrequencyWords.Values];

    public static IReadOnlyList<string> CriticalityChoices => [.. CriticalityWords.Values];

    public static IReadOnlyList<string> StatusChoices => [.. StatusWords.Values];

    public static bool TryParseFrequency(string text, out TaskFrequency value) => TryFind(FrequencyWords, text, out value);

    public static bool TryParseCriticality(string text, out TaskCriticality value) => TryFind(CriticalityWords, text, out value);

    public static bool TryParseStatus(string text, out EmployeeStatus value) => TryFind(StatusWords, text, out value);

    /// <summary>主担当 (or 主), 副担当 (or 副), or empty for none.</summary>
    public static bool TryParseRole(string text, out AssignmentRole value)
    {
        value = Normalize(text) switch
        {
            "" => AssignmentRole.None,
            "主担当" or "主" => AssignmentRole.Primary,
            "副担当" or "副" => AssignmentRole.Backup,
            _ => (AssignmentRole)(-1),
        };
        return Enum.IsDefined(value);
    }

    /// <summary>0 to 3, full-width digits too.</summary>
    public static bool TryParseLevel(string text, out SkillLevel value)
    {
        var ok = int.TryParse(Normalize(text), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 3;
        value = ok ? (SkillLevel)number : SkillLevel.None;
        return ok;
    }

    /// <summary>2026-12-15, 2026/12/15 or 2026/1/5 (as Excel writes dates), full-width digits too.</summary>
    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(
            Normalize(text).Replace('/', '-'),
            ["yyyy-MM-dd", "yyyy-M-d"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);

    public static string FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static bool TryFind<T>(Dictionary<T, string> words, string text, out T value)
        where T : struct, Enum
    {
        var normalized = Normalize(text);
        foreach (var (key, word) in words)
        {
            if (word == normalized)
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
