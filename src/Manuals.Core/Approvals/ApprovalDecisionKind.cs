namespace Manuals.Core.Approvals;

/// <summary>What an approver did at a stage. Stored as is, so never rename a value.</summary>
public enum ApprovalDecisionKind
{
    Approved,
    SentBack,
}
