using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Coverage;

/// <summary>The employee form with department and account choices.</summary>
public sealed record EmployeeFormPage(EmployeeFormModel Form, IReadOnlyList<Department> Departments, IReadOnlyList<UserSummary> Users, long? EmployeeId);
