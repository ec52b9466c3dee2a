using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Admin;

/// <summary>All users with their roles and departments, and for company accounts their latest sign-in (<see cref="Logins"/>, by user id).</summary>
public sealed record UserListPage(
    IReadOnlyList<UserSummary> Users,
    IReadOnlyList<Department> Departments,
    IReadOnlyDictionary<long, ExternalLoginSummary> Logins,
    DateTimeOffset Now);
