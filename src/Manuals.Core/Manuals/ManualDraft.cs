namespace Manuals.Core.Manuals;

/// <summary>
/// What a writer submits: the full content of a new revision, and whether the change is 重要な変更 (a material change
/// the people who must read the manual confirm again).
/// </summary>
public sealed record ManualDraft(
    string Title,
    long DepartmentId,
    ManualVisibility Visibility,
    ManualStatus Status,
    string? Template,
    IReadOnlyList<string> Tags,
    string Body,
    string ChangeNote)
{
    /// <summary>重要な変更: those assigned the manual as required reading are asked to confirm this revision again.</summary>
    public bool MaterialChange { get; init; }
}
