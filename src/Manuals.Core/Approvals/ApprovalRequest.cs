using Manuals.Core.Manuals;

namespace Manuals.Core.Approvals;

/// <summary>
/// A 承認申請: the full content of the revision a writer wants to become current, written on top of
/// <see cref="BaseRevision"/>. Until the last stage approves it, it is not a revision: readers, history, search and
/// print see the manual as it was.
/// </summary>
public sealed class ApprovalRequest
{
    public long Id { get; set; }
    public long ManualId { get; set; }

    /// <summary>The manual's revision the request was written on; approval saves on top of it or not at all.</summary>
    public int BaseRevision { get; set; }

    public string Title { get; set; } = "";
    public long DepartmentId { get; set; }
    public ManualVisibility Visibility { get; set; }
    public ManualStatus Status { get; set; }
    public string? Template { get; set; }

    /// <summary>The tags, one per line.</summary>
    public string TagLines { get; set; } = "";

    public string Body { get; set; } = "";
    public string ChangeNote { get; set; } = "";
    public bool IsMaterial { get; set; }
    public long? RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The route as it was when the request was made (<see cref="ApprovalStages.Format"/>).</summary>
    public string StagesText { get; set; } = "";

    /// <summary>The stage waiting for approval, 1-based; one past the last once approved.</summary>
    public int CurrentStage { get; set; }

    public ApprovalRequestState State { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Approvals and send-backs, oldest first (filled by <see cref="IApprovalStore.FindAsync"/>).</summary>
    public IReadOnlyList<ApprovalDecision> Decisions { get; set; } = [];

    public IReadOnlyList<ApprovalStage> Stages => ApprovalStages.Parse(StagesText);

    public IReadOnlyList<string> Tags => TagLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True while the writer may still act on it: 承認待ち or 差し戻し.</summary>
    public bool IsOpen => State is ApprovalRequestState.Pending or ApprovalRequestState.SentBack;

    /// <summary>The content as a draft, to save as the new revision once approved.</summary>
    public ManualDraft ToDraft() => new(Title, DepartmentId, Visibility, Status, Template, Tags, Body, ChangeNote)
    {
        MaterialChange = IsMaterial,
    };

    /// <summary>The latest 差し戻し, if any.</summary>
    public ApprovalDecision? LastSendBack => Decisions.LastOrDefault(d => d.Decision == ApprovalDecisionKind.SentBack);
}
