using Manuals.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in manager, plus: a disabled user cannot sign in, and a failed sign-in tells nothing about the
/// account. Unknown user, wrong password, disabled and locked-out accounts all fail the same way and take about the
/// same time (the password is always hashed once, against a dummy hash when there is no user). With local accounts
/// turned off (<see cref="CompanySignInProviders.LocalAccounts"/>), a password signs in Admins only.
/// </summary>
public sealed class ManualsSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    CompanySignInProviders companySignIn)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? s_dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendHashTime(new User(), null, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(User user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await CanSignInAsync(user) || await IsLockedOut(user) || !await MayUsePasswordAsync(user))
        {
            SpendHashTime(user, user.PasswordHash, password);
            return SignInResult.Failed;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>A backstop only: ending a user's sessions is what takes effect at once (<see cref="UserSessions"/>).</summary>
    public override async Task<User?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    /// <summary>With local accounts turned off, only Admins sign in with a password: the break-glass accounts.</summary>
    private async Task<bool> MayUsePasswordAsync(User user) =>
        companySignIn.LocalAccounts || await UserManager.IsInRoleAsync(user, Roles.Admin);

    /// <summary>Hashes the password as a real check would, and ignores the result.</summary>
    private void SpendHashTime(User user, string? hash, string password)
    {
        hash ??= s_dummyHash ??= UserManager.PasswordHasher.HashPassword(new User(), Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(user, hash, password);
    }
}
