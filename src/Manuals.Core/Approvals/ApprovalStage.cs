namespace Manuals.Core.Approvals;

/// <summary>One stage of a department's approval route (第n段階): a role, or named users any one of whom approves it.</summary>
/// <param name="Number">1 to <see cref="ApprovalLimits.MaxStages"/>, in the order the stages are approved.</param>
/// <param name="Kind">Who may approve.</param>
/// <param name="UserIds">For <see cref="ApproverKind.Users"/>, the named approvers; empty otherwise.</param>
public sealed record ApprovalStage(int Number, ApproverKind Kind, IReadOnlyList<long> UserIds);
