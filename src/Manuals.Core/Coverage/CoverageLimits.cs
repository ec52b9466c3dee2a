namespace Manuals.Core.Coverage;

/// <summary>Size limits shared by forms, the CSV import and the database.</summary>
public static class CoverageLimits
{
    public const int TaskNameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int TimingMaxLength = 100;
    public const int EmployeeNameMaxLength = 60;
    public const int EmailMaxLength = 254;

    /// <summary>A CSV file larger than this is refused before it is read.</summary>
    public const int CsvMaxBytes = 2 * 1024 * 1024;
}
