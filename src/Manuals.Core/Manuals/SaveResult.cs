using Manuals.Core.Common;

namespace Manuals.Core.Manuals;

/// <summary>The result of <see cref="ManualService"/>'s create and save.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ManualId">The manual's id (0 when a create did not happen).</param>
/// <param name="Current">On a conflict, the manual as it is now, so the writer can compare and merge.</param>
/// <param name="Errors">On <see cref="SaveOutcome.Invalid"/>, the rules the draft broke.</param>
public sealed record SaveResult(SaveOutcome Outcome, long ManualId, Manual? Current, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>On <see cref="SaveOutcome.Conflict"/> from a save, the merge of the writer's edit with the current manual.</summary>
    public ManualConflict? Conflict { get; init; }

    /// <summary>On <see cref="SaveOutcome.Saved"/> of a change to an existing manual, the manual as it was before it (for the audit log).</summary>
    public Manual? Previous { get; init; }

    /// <summary>On <see cref="SaveOutcome.Saved"/>, nothing differed from the current revision, so nothing was written.</summary>
    public bool Unchanged { get; init; }

    /// <summary>
    /// On <see cref="SaveOutcome.Saved"/>, the save needed approval: readers still see the manual as it was, and this
    /// request (承認待ち) holds the new text.
    /// </summary>
    public long? ApprovalRequestId { get; init; }

    public static SaveResult Saved(long id) => new(SaveOutcome.Saved, id, null, []);

    public static SaveResult Failed(SaveOutcome outcome, long id = 0) => new(outcome, id, null, []);
}
