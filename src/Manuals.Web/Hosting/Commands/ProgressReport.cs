namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// One step of a long command for <see cref="ProgressDisplay"/>: its label, what it works on (a table, or null), and rows
/// or tables done of a total (0: unknown).
/// </summary>
public sealed record ProgressReport(string Label, string? Item, long Done, long Total);
