using Manuals.Core.Approvals;

namespace Manuals.Web.Features.Approvals;

/// <summary>One stage as the request page shows it: who approves it and where it stands (承認済 / 承認待ち / 差し戻し / これから).</summary>
/// <param name="Number">第n段階.</param>
/// <param name="Approvers">The role, or the named people, in words.</param>
/// <param name="State">One of <c>Approved</c>, <c>Waiting</c>, <c>SentBack</c>, <c>Upcoming</c> (labelled <c>Approvals.StageState.*</c>).</param>
/// <param name="Decision">The approval or send-back of this stage, if any.</param>
public sealed record ApprovalStageView(int Number, string Approvers, string State, ApprovalDecision? Decision);
