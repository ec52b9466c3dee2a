using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The home page: for writers, their own manuals due for review (<see cref="ShowsDue"/>); recently updated manuals; and
/// for Admins the number of overdue manuals site-wide; and the reader's own お気に入り and 最近見たマニュアル.
/// </summary>
public sealed record HomePage(
    bool ShowsDue,
    IReadOnlyList<(ManualSummary Manual, ReviewStatus Review)> DueForMe,
    IReadOnlyList<ManualSummary> Recent,
    IReadOnlyList<Department> Departments,
    int StaleCount,
    ReaderLists Mine,
    DateOnly Today);
