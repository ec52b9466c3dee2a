namespace Manuals.Core.Approvals;

/// <summary>One row of the route form as typed: no kind means the stage is not used.</summary>
public sealed record ApprovalStageInput(ApproverKind? Kind, IReadOnlyList<long> UserIds);
