namespace Manuals.Core.Approvals;

/// <summary>One approver's 承認 or 差し戻し of one stage of a request.</summary>
public sealed class ApprovalDecision
{
    public long RequestId { get; set; }
    public int Stage { get; set; }
    public ApprovalDecisionKind Decision { get; set; }
    public long? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>The reason for a 差し戻し; null for an approval.</summary>
    public string? Comment { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
