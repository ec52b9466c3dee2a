using Manuals.Core.Approvals;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Approvals;

/// <summary>
/// A request's page: its text as a diff against the revision readers see now (or in full for a first publish), the
/// stages' progress and what the viewer may do (承認する / 差し戻す / 取り下げる).
/// </summary>
public sealed record ApprovalRequestView(
    ApprovalRequest Request,
    Manual Manual,
    string DepartmentName,
    IReadOnlyList<DiffLine> Diff,
    bool AgainstPublished,
    IReadOnlyList<ApprovalStageView> Stages,
    bool CanDecide,
    bool CanWithdraw,
    bool IsWriter)
{
    /// <summary>The 差し戻す form as typed, shown again with its error.</summary>
    public SendBackForm? SendBack { get; init; }
}
