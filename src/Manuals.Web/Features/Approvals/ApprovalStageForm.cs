using Manuals.Core.Approvals;

namespace Manuals.Web.Features.Approvals;

/// <summary>One stage row of the route form: no kind means 使わない.</summary>
public sealed class ApprovalStageForm
{
    public ApproverKind? Kind { get; set; }

    public List<long> UserIds { get; set; } = [];
}
