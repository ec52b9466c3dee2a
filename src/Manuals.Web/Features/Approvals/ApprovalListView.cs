namespace Manuals.Web.Features.Approvals;

/// <summary>The 承認 page: requests waiting for the viewer's approval, the viewer's own requests, and others they may see.</summary>
public sealed record ApprovalListView(
    IReadOnlyList<ApprovalRowView> WaitingForMe, IReadOnlyList<ApprovalRowView> Mine, IReadOnlyList<ApprovalRowView> Others, bool CanConfigure);
