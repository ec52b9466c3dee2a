namespace Manuals.Core.Coverage.Csv;

/// <summary>The column names of the coverage CSV files, as a Japanese spreadsheet has them.</summary>
public static class CsvColumns
{
    public const string Department = "部署";
    public const string TaskName = "業務名";
    public const string Description = "説明";
    public const string Frequency = "頻度";
    public const string Timing = "時期";
    public const string Criticality = "重要度";
    public const string Manuals = "マニュアル";
    public const string EmployeeName = "氏名";
    public const string Email = "メールアドレス";
    public const string Status = "在籍状況";
    public const string StatusDate = "日付";
    public const string UserName = "ユーザー名";
    public const string Level = "習熟度";
    public const string Role = "担当区分";
}
