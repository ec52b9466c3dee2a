using Manuals.Core.Departments;
using Manuals.Core.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// 必読の状況（部署別）: a department's people and their required reading on <see cref="Today"/>, person by person, with
/// the departments the viewer may look at as tabs.
/// </summary>
public sealed record DepartmentReadingView(
    IReadOnlyList<Department> Departments,
    Department Selected,
    IReadOnlyList<(string Person, IReadOnlyList<(ReadingRow Row, string Title)> Manuals)> People,
    DateOnly Today);
