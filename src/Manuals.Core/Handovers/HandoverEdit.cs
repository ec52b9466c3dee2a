namespace Manuals.Core.Handovers;

/// <summary>The whole checklist form: header, rows, common items, a task to add, and the version it was loaded at.</summary>
public sealed record HandoverEdit(
    int Version,
    HandoverReason Reason,
    DateOnly EffectiveDate,
    string ManagerName,
    string Note,
    IReadOnlyList<HandoverItemEdit> Items,
    IReadOnlyList<HandoverCommonItem> CommonItems,
    long? AddTaskId = null);
