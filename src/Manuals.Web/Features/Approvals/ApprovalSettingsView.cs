using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Approvals;

/// <summary>The route form of one department, with the people who may be named (active Editors and Admins).</summary>
public sealed record ApprovalSettingsView(Department Department, ApprovalSettingsForm Form, IReadOnlyList<UserSummary> Candidates);
