using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Departments;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Admin;

/// <summary>
/// What the admin user pages do: create users, set roles and departments, disable, reset, unlock; each change audited.
/// A company account (<see cref="IExternalAccountStore"/>) has no password, and its names come from the provider at each
/// sign-in; its role and departments follow the directory unless an admin sets them by hand.
/// </summary>
public sealed class UserAdministration(
    UserManager<User> users,
    IAccountDirectory directory,
    IExternalAccountStore externalAccounts,
    IDepartmentStore departments,
    UserSessions sessions,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l)
{
    public async Task<UserListPage> ListAsync(CancellationToken cancellationToken) =>
        new(
            await directory.ListAsync(cancellationToken),
            await departments.ListAsync(cancellationToken),
            await externalAccounts.ListLoginsAsync(cancellationToken),
            clock.GetUtcNow());

    public async Task<UserFormPage> FormAsync(UserFormModel form, UserSummary? user, string? newPassword, CancellationToken cancellationToken) =>
        new(
            form,
            user,
            await departments.ListAsync(cancellationToken),
            newPassword,
            user is null ? null : await externalAccounts.FindLoginAsync(user.Id, cancellationToken));

    public Task<UserSummary?> FindAsync(long id, CancellationToken cancellationToken) => directory.FindAsync(id, cancellationToken);

    /// <summary>The user's company login, or null for a local account.</summary>
    public Task<ExternalLoginSummary?> FindLoginAsync(long id, CancellationToken cancellationToken) => externalAccounts.FindLoginAsync(id, cancellationToken);

    /// <summary>Creates the user; returns the errors Identity or the rules found (empty on success).</summary>
    public async Task<(long Id, IReadOnlyList<string> Errors)> CreateAsync(UserFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = new User
        {
            UserName = form.UserName.Trim(),
            DisplayName = form.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
            IsDisabled = form.IsDisabled,
            // The admin chose this password; the user replaces it at the first sign-in.
            MustChangePassword = true,
        };
        var result = await users.CreateAsync(user, form.Password ?? "");
        if (!result.Succeeded)
        {
            return (0, result.Errors.Select(e => e.Description).ToList());
        }

        await users.AddToRoleAsync(user, form.Role);
        await directory.SetDepartmentsAsync(user.Id, await KnownDepartmentsAsync(form.DepartmentIds, cancellationToken), cancellationToken);
        var created = await directory.FindAsync(user.Id, cancellationToken);
        await audit.RecordAsync(
            AuditAction.UserCreated,
            Target(user.Id, user.UserName),
            created is null ? null : $"{RoleNames(created.Roles)} / {await DepartmentNamesAsync(created.DepartmentIds, cancellationToken)}");
        return (user.Id, []);
    }

    /// <summary>
    /// Changes name, e-mail, role, departments and the disabled flag. For a company account the names stay as the
    /// provider sent them, and the role and departments change only when set by hand (<see cref="UserFormModel.AccessOverridden"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(long id, UserFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return ["NotFound"];
        }

        var wasDisabled = user.IsDisabled;
        var before = await directory.FindAsync(id, cancellationToken);
        var login = await externalAccounts.FindLoginAsync(id, cancellationToken);
        if (login is not null && before is not null)
        {
            form.UserName = before.UserName;
            form.DisplayName = before.DisplayName;
            form.Email = before.Email;
            if (!form.AccessOverridden)
            {
                form.Role = HighestRole(before.Roles);
                form.DepartmentIds = before.DepartmentIds.ToList();
            }
        }
        user.DisplayName = form.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        user.IsDisabled = form.IsDisabled;
        var result = await users.SetUserNameAsync(user, form.UserName.Trim());
        if (result.Succeeded && wasDisabled != user.IsDisabled)
        {
            // A new stamp as well, as a backstop to ending the sessions below.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        foreach (var role in await users.GetRolesAsync(user))
        {
            await users.RemoveFromRoleAsync(user, role);
        }

        await users.AddToRoleAsync(user, form.Role);
        await directory.SetDepartmentsAsync(id, await KnownDepartmentsAsync(form.DepartmentIds, cancellationToken), cancellationToken);
        var after = await directory.FindAsync(id, cancellationToken);
        if (before is null || after is null || before.IsDisabled != after.IsDisabled || before.UserName != after.UserName
            || !before.Roles.SequenceEqual(after.Roles) || !before.DepartmentIds.SequenceEqual(after.DepartmentIds))
        {
            // Their open sessions carry the old rights: end them, so the change applies at the next request.
            await sessions.EndAllAsync(id, cancellationToken);
        }

        if (before is not null && after is not null)
        {
            await AuditUpdateAsync(before, after, cancellationToken);
        }

        if (login is not null && login.AccessOverridden != form.AccessOverridden)
        {
            await externalAccounts.SetAccessOverriddenAsync(id, form.AccessOverridden, cancellationToken);
            await audit.RecordAsync(
                AuditAction.UserUpdated,
                Target(id, user.UserName),
                l[form.AccessOverridden ? "Audit.Detail.AccessOverridden" : "Audit.Detail.AccessFromDirectory"]);
        }

        return [];
    }

    /// <summary>The highest of the user's roles (Admin over Editor over Reader), the one the form shows.</summary>
    public static string HighestRole(IEnumerable<string> roles) =>
        roles.OrderByDescending(r => Roles.All.ToList().IndexOf(r)).FirstOrDefault() ?? Roles.Reader;

    /// <summary>One entry per kind of change, each with the old and the new value.</summary>
    private async Task AuditUpdateAsync(UserSummary before, UserSummary after, CancellationToken cancellationToken)
    {
        var target = Target(after.Id, after.UserName);
        if (before.UserName != after.UserName || before.DisplayName != after.DisplayName || before.Email != after.Email)
        {
            var changes = new List<string>();
            if (before.UserName != after.UserName)
            {
                changes.Add($"{l["Account.Field.UserName"].Value}: {before.UserName} → {after.UserName}");
            }

            if (before.DisplayName != after.DisplayName)
            {
                changes.Add($"{l["Account.Field.DisplayName"].Value}: {before.DisplayName} → {after.DisplayName}");
            }

            if (before.Email != after.Email)
            {
                changes.Add($"{l["Account.Field.Email"].Value}: {before.Email} → {after.Email}");
            }

            await audit.RecordAsync(AuditAction.UserUpdated, target, string.Join("、", changes));
        }

        if (!before.Roles.Order().SequenceEqual(after.Roles.Order()))
        {
            await audit.RecordAsync(AuditAction.UserRolesChanged, target, $"{RoleNames(before.Roles)} → {RoleNames(after.Roles)}");
        }

        if (!before.DepartmentIds.Order().SequenceEqual(after.DepartmentIds.Order()))
        {
            await audit.RecordAsync(
                AuditAction.UserDepartmentsChanged,
                target,
                $"{await DepartmentNamesAsync(before.DepartmentIds, cancellationToken)} → {await DepartmentNamesAsync(after.DepartmentIds, cancellationToken)}");
        }

        if (before.IsDisabled != after.IsDisabled)
        {
            await audit.RecordAsync(after.IsDisabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, target);
        }
    }

    private static AuditTarget Target(long id, string userName) => AuditTarget.Of(AuditTargetType.User, id, userName);

    private string RoleNames(IEnumerable<string> roles) => string.Join("・", roles.Select(r => l[$"Role.{r}"].Value));

    private async Task<string> DepartmentNamesAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var names = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var list = ids.Select(id => names.GetValueOrDefault(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return list.Count == 0 ? l["Audit.Detail.None"].Value : string.Join("・", list);
    }

    /// <summary>
    /// Sets a new random password the user must change at sign-in, clears any lockout, ends the user's sessions and
    /// returns the password to show once. Null for an unknown user or a company account, which has no password here
    /// (a password would let someone in around the company's sign-in).
    /// </summary>
    public async Task<string?> ResetPasswordAsync(long id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || await externalAccounts.FindLoginAsync(id, cancellationToken) is not null)
        {
            return null;
        }

        var password = AccountRules.GeneratePassword();
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return null;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync(AuditAction.UserPasswordReset, Target(user.Id, user.UserName));
        return password;
    }

    public async Task<bool> UnlockAsync(long id)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    private async Task<IReadOnlyCollection<long>> KnownDepartmentsAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var known = (await departments.ListAsync(cancellationToken)).Select(d => d.Id).ToHashSet();
        return ids.Where(known.Contains).Distinct().ToList();
    }
}
