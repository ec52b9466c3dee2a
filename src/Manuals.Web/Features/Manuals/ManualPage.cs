using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Core.Templates;
using Manuals.Web.Features.Reading;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// A manual as its page shows it; <see cref="Owners"/> (possible 担当者) is filled only for those who may edit;
/// <see cref="Reader"/> is what the reader has with it (お気に入り, 必読).
/// </summary>
public sealed record ManualPage(
    Manual Manual,
    string DepartmentName,
    string Html,
    bool CanEdit,
    ReviewStatus Review,
    IReadOnlyList<UserSummary> Owners,
    CompletenessReport Completeness,
    ManualForReader Reader,
    DateOnly Today)
{
    /// <summary>Answers to the 理解度チェック that were not all right, shown again after 「読みました」 was refused.</summary>
    public CheckAttempt? Attempt { get; init; }

    /// <summary>The manual's open request (承認待ち or 差し戻し), only for those who may see it: its writer, approvers and Admins.</summary>
    public global::Manuals.Core.Approvals.ApprovalRequest? OpenRequest { get; init; }
}
