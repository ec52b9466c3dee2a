using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>The manual list: department tabs with counts and a page of the manuals the viewer may read.</summary>
public sealed record ManualListPage(
    IReadOnlyList<Department> Departments,
    IReadOnlyDictionary<long, int> CountsByDepartment,
    Department? Selected,
    ManualListSlice Page,
    bool CanCreate);
