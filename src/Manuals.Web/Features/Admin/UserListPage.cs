using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Admin;

/// <summary>All users with their roles and departments.</summary>
public sealed record UserListPage(IReadOnlyList<UserSummary> Users, IReadOnlyList<Department> Departments, DateTimeOffset Now);
