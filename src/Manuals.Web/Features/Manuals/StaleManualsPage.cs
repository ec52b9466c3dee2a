using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// A page of the published manuals past their review date, most overdue first, for Admins: <see cref="PageSize"/> a page
/// (at 100,000 manuals the whole list was tens of megabytes).
/// </summary>
/// <param name="Manuals">This page's manuals.</param>
/// <param name="Total">How many manuals are overdue on all pages.</param>
public sealed record StaleManualsPage(
    IReadOnlyList<(ManualSummary Manual, ReviewStatus Review)> Manuals, int Total, int PageNumber, int PageCount, IReadOnlyList<Department> Departments)
{
    public const int PageSize = 100;

    public static string Url(int page) => page > 1 ? FormattableString.Invariant($"/manuals/stale?page={page}") : "/manuals/stale";
}
