namespace Manuals.Core.Manuals;

/// <summary>The writer's edit merged with a save that came first, field by field, as a proposal for the writer to confirm.</summary>
/// <param name="Base">What the writer started from, or null when it is not known (then every difference is a conflict).</param>
/// <param name="Theirs">The manual as the save that came first left it.</param>
/// <param name="Mine">What the writer submitted.</param>
/// <param name="Proposal">The merged content: each side's own changes, and the writer's value where both changed.</param>
/// <param name="Fields">Every field with who changed it, in <see cref="ManualField"/> order.</param>
/// <param name="Body">The body's three-way merge (its text is <see cref="Proposal"/>'s body).</param>
public sealed record ManualMerge(
    ManualContent? Base,
    ManualContent Theirs,
    ManualContent Mine,
    ManualContent Proposal,
    IReadOnlyList<FieldMerge> Fields,
    TextMergeResult Body)
{
    /// <summary>True when something needs the writer's decision: a field or a place in the body both changed differently.</summary>
    public bool HasConflicts => Fields.Any(f => f.Kind == FieldMergeKind.Conflict);

    public FieldMerge Field(ManualField field) => Fields.First(f => f.Field == field);
}
