using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The home page: for writers, their own manuals due for review (<see cref="ShowsDue"/>); recently updated manuals; and
/// for Admins the number of overdue manuals site-wide.
/// </summary>
public sealed record HomePage(
    bool ShowsDue,
    IReadOnlyList<(ManualSummary Manual, ReviewStatus Review)> DueForMe,
    IReadOnlyList<ManualSummary> Recent,
    IReadOnlyList<Department> Departments,
    int StaleCount);
