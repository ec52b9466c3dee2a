using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// The page that makes the manuals of chosen business tasks required reading at once (a new hire's first tasks): the
/// tasks with manuals in the viewer's departments (all for an Admin), by department, and the people and departments.
/// </summary>
public sealed record TaskReadingView(
    IReadOnlyList<(Department Department, IReadOnlyList<BusinessTask> Tasks)> Tasks,
    IReadOnlyList<UserSummary> People,
    IReadOnlyList<Department> Departments,
    TaskReadingForm Form,
    IReadOnlyList<string> Errors);
