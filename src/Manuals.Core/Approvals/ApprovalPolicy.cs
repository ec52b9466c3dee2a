using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Approvals;

/// <summary>
/// Who configures approval, who approves a stage and who sees a request. A request's text is seen only by its writer,
/// the approvers of any of its stages and Admins: never by readers of the manual.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>Only Admins set a department's approval route.</summary>
    public static bool CanConfigure(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin;
    }

    /// <summary>
    /// Whether a new revision needs approval before readers see it: the department has a route, the revision is to be
    /// 公開, and either the manual is not 公開 now (publishing) or the writer marked the change 重要な変更. A change not so
    /// marked (a typo fix) to a published manual goes live at once, as does archiving or taking a manual back to 下書き.
    /// </summary>
    public static bool NeedsApproval(Manual? existing, ManualDraft draft, IReadOnlyList<ApprovalStage> stages)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(stages);
        return stages.Count > 0
            && draft.Status == ManualStatus.Published
            && (existing is null || existing.Status != ManualStatus.Published || draft.MaterialChange);
    }

    /// <summary>Whether <paramref name="viewer"/> is an approver of <paramref name="stage"/> (the writer never approves their own request).</summary>
    public static bool IsApprover(Viewer viewer, ApprovalRequest request, ApprovalStage stage)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stage);
        if (request.RequestedById == viewer.UserId)
        {
            return false;
        }

        return stage.Kind switch
        {
            ApproverKind.Users => stage.UserIds.Contains(viewer.UserId),
            ApproverKind.DepartmentEditors => viewer.Roles.Contains(Roles.Editor) && viewer.BelongsTo(request.DepartmentId),
            _ => viewer.IsAdmin,
        };
    }

    /// <summary>Whether <paramref name="viewer"/> may approve or send back the request now: it waits at a stage they approve.</summary>
    public static bool CanDecide(Viewer viewer, ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.State == ApprovalRequestState.Pending
            && request.Stages.FirstOrDefault(s => s.Number == request.CurrentStage) is { } stage
            && IsApprover(viewer, request, stage);
    }

    /// <summary>The writer, the approvers of any stage and Admins see a request and its text.</summary>
    public static bool CanSee(Viewer viewer, ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        return viewer.IsAdmin
            || request.RequestedById == viewer.UserId
            || request.Stages.Any(s => IsApprover(viewer, request, s));
    }

    /// <summary>The writer withdraws their own open request; an Admin any.</summary>
    public static bool CanWithdraw(Viewer viewer, ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        return request.IsOpen && (viewer.IsAdmin || request.RequestedById == viewer.UserId);
    }
}
