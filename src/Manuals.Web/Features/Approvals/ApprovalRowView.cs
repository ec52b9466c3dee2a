using Manuals.Core.Approvals;

namespace Manuals.Web.Features.Approvals;

/// <summary>A request in the 承認 list: the request, its department's name and the number of stages.</summary>
public sealed record ApprovalRowView(ApprovalRequest Request, string DepartmentName)
{
    public int StageCount => Request.Stages.Count;
}
