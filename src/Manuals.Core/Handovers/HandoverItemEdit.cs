namespace Manuals.Core.Handovers;

/// <summary>One row of the checklist as the form sends it back; <see cref="Remove"/> takes the task off the checklist.</summary>
public sealed record HandoverItemEdit(
    long TaskId,
    long? SuccessorId,
    DateOnly? DueBefore,
    DateOnly? DueAfter,
    HandoverChecks Checks,
    string Note,
    bool Remove = false);
