using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Manuals.Web.Features.Admin;

/// <summary>What the admin user pages do: create users, set roles and departments, disable, reset, unlock.</summary>
public sealed class UserAdministration(
    UserManager<User> users, IAccountDirectory directory, IDepartmentStore departments, UserSessions sessions, TimeProvider clock)
{
    public async Task<UserListPage> ListAsync(CancellationToken cancellationToken) =>
        new(await directory.ListAsync(cancellationToken), await departments.ListAsync(cancellationToken), clock.GetUtcNow());

    public async Task<UserFormPage> FormAsync(UserFormModel form, UserSummary? user, string? newPassword, CancellationToken cancellationToken) =>
        new(form, user, await departments.ListAsync(cancellationToken), newPassword);

    public Task<UserSummary?> FindAsync(long id, CancellationToken cancellationToken) => directory.FindAsync(id, cancellationToken);

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
        return (user.Id, []);
    }

    /// <summary>Changes name, e-mail, role, departments and the disabled flag.</summary>
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

        return [];
    }

    /// <summary>
    /// Sets a new random password the user must change at sign-in, clears any lockout, ends the user's sessions and
    /// returns the password to show once.
    /// </summary>
    public async Task<string?> ResetPasswordAsync(long id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
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
