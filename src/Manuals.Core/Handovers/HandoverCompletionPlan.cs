using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>
/// What completing a handover changes, worked out before anything is written so the confirmation page can show it and
/// the store can apply it in one transaction.
/// </summary>
/// <param name="MatrixEdits">Matrix cells to change, carrying the values they hold now (the concurrency check).</param>
/// <param name="OwnerMoves">Manuals whose owner moves to a successor's account.</param>
/// <param name="NewStatus">The predecessor's new status, or null when it stays.</param>
/// <param name="StatusDate">The date that goes with the new status.</param>
/// <param name="SuccessorsWithoutAccount">Successors whose manuals could not move because they have no user account.</param>
/// <param name="NotReadableBySuccessor">
/// Manuals that stay with their owner because the successor's account may not read them (部署限定 of another department,
/// or a 下書き a Reader cannot see): moving them would give the successor a manual they cannot open.
/// </param>
/// <param name="NotEditableCount">
/// Linked manuals that stay with their owner because the person completing may not edit them. Only a count: their titles
/// may be ones the person may not read.
/// </param>
public sealed record HandoverCompletionPlan(
    IReadOnlyList<SkillCellEdit> MatrixEdits,
    IReadOnlyList<ManualOwnerMove> OwnerMoves,
    EmployeeStatus? NewStatus,
    DateOnly StatusDate,
    IReadOnlyList<string> SuccessorsWithoutAccount,
    IReadOnlyList<ManualOwnerMove> NotReadableBySuccessor,
    int NotEditableCount);
