namespace Manuals.Core.Manuals;

/// <summary>The parts of a manual that a save writes, as one version has them (a base, the current manual, a draft).</summary>
public sealed record ManualContent(
    string Title,
    long DepartmentId,
    ManualVisibility Visibility,
    ManualStatus Status,
    string? Template,
    IReadOnlyList<string> Tags,
    string Body)
{
    public static ManualContent From(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return new(manual.Title, manual.DepartmentId, manual.Visibility, manual.Status, manual.Template, manual.Tags, manual.Body);
    }

    public static ManualContent From(ManualDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Title, draft.DepartmentId, draft.Visibility, draft.Status, draft.Template, draft.Tags, draft.Body);
    }

    /// <summary>Whether <paramref name="other"/> holds the same values (tags compared in order).</summary>
    public bool IsSameAs(ManualContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Title == other.Title && DepartmentId == other.DepartmentId && Visibility == other.Visibility && Status == other.Status
            && Template == other.Template && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
            && string.Equals(Body, other.Body, StringComparison.Ordinal);
    }

    /// <summary>The content as a draft to save, with the writer's change note.</summary>
    public ManualDraft ToDraft(string changeNote) => new(Title, DepartmentId, Visibility, Status, Template, Tags, Body, changeNote);
}
