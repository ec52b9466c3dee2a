namespace Manuals.Core.Coverage.Csv;

/// <summary>How to run an import.</summary>
/// <param name="DryRun">Check every row and report, writing nothing.</param>
/// <param name="DateShiftDays">
/// Moves every date in the file by this many days. Only the samples use it: their transfer and leaving dates are written
/// relative to a fixed day and shifted to today, so 「退職予定（2週間後）」 stays two weeks away whenever the app first starts.
/// </param>
public sealed record CsvImportOptions(bool DryRun, int DateShiftDays = 0);
