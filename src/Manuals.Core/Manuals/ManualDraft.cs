namespace Manuals.Core.Manuals;

/// <summary>What a writer submits: the full content of a new revision.</summary>
public sealed record ManualDraft(
    string Title,
    long DepartmentId,
    ManualVisibility Visibility,
    ManualStatus Status,
    string? Template,
    IReadOnlyList<string> Tags,
    string Body,
    string ChangeNote);
