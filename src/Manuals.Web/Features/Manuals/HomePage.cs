using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The home page: the signed-in owner's manuals due for review, recently updated manuals, and for Admins the number
/// of overdue manuals site-wide.
/// </summary>
public sealed record HomePage(
    IReadOnlyList<(ManualSummary Manual, ReviewStatus Review)> DueForMe,
    IReadOnlyList<ManualSummary> Recent,
    IReadOnlyList<Department> Departments,
    int StaleCount);
