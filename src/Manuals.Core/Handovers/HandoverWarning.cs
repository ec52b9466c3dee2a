namespace Manuals.Core.Handovers;

/// <summary>A warning about one item: its kind, the task's name and, for due dates, the date.</summary>
public sealed record HandoverWarning(HandoverWarningKind Kind, long TaskId, string TaskName, DateOnly? Date = null);
