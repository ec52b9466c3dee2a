namespace Manuals.Core.Approvals;

/// <summary>Where a request (承認申請) is. Stored as is, so never rename a value.</summary>
public enum ApprovalRequestState
{
    /// <summary>承認待ち: waiting for the approvers of <see cref="ApprovalRequest.CurrentStage"/>.</summary>
    Pending,

    /// <summary>差し戻し: an approver sent it back with a comment; the writer may edit and request again.</summary>
    SentBack,

    /// <summary>承認済: the last stage approved it and its text became the manual's current revision.</summary>
    Approved,

    /// <summary>取り下げ: the writer withdrew it.</summary>
    Withdrawn,

    /// <summary>The writer requested again; a newer request replaced this one.</summary>
    Superseded,
}
