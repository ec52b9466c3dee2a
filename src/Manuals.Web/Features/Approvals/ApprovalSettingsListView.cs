using Manuals.Core.Departments;

namespace Manuals.Web.Features.Approvals;

/// <summary>Every department with its route in words (「承認なし」 when none).</summary>
public sealed record ApprovalSettingsListView(IReadOnlyList<(Department Department, IReadOnlyList<string> Stages)> Departments);
