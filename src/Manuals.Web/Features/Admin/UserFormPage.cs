using Manuals.Core.Accounts;
using Manuals.Core.Departments;

namespace Manuals.Web.Features.Admin;

/// <summary>The user form page; <see cref="User"/> is null when creating, <see cref="Login"/> is set for a company account.</summary>
public sealed record UserFormPage(
    UserFormModel Form, UserSummary? User, IReadOnlyList<Department> Departments, string? NewPassword, ExternalLoginSummary? Login);
