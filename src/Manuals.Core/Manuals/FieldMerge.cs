namespace Manuals.Core.Manuals;

/// <summary>How one field of a manual came out of a merge.</summary>
public sealed record FieldMerge(ManualField Field, FieldMergeKind Kind)
{
    /// <summary>True when the other save's value and the writer's differ, so the writer must see both.</summary>
    public bool Differs => Kind is FieldMergeKind.Mine or FieldMergeKind.Theirs or FieldMergeKind.Merged or FieldMergeKind.Conflict;
}
