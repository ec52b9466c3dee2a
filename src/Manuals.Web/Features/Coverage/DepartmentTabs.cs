using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>The department switcher of a coverage page: <paramref name="Url"/> is the page's path, the department goes in the query.</summary>
public sealed record DepartmentTabs(IReadOnlyList<Department> Departments, long? Selected, string Url, bool AllowAll);
