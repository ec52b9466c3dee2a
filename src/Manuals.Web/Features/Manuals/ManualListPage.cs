using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>The manual list: department tabs with counts and the manuals the viewer may read.</summary>
public sealed record ManualListPage(
    IReadOnlyList<Department> Departments,
    IReadOnlyDictionary<long, int> CountsByDepartment,
    Department? Selected,
    IReadOnlyList<ManualSummary> Manuals,
    bool CanCreate);
