using System.Globalization;
using System.Security.Claims;
using Manuals.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Accounts;

/// <summary>Puts roles, departments and the display name into the sign-in cookie; refreshed at every stamp check.</summary>
public sealed class ManualsClaimsPrincipalFactory(
    UserManager<User> userManager,
    IAccountDirectory directory,
    IOptions<IdentityOptions> optionsAccessor)
    : UserClaimsPrincipalFactory<User>(userManager, optionsAccessor)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ManualsClaimTypes.DisplayName, user.DisplayName));
        if (user.PasswordHash is null)
        {
            identity.AddClaim(new Claim(ManualsClaimTypes.CompanyAccount, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ManualsClaimTypes.MustChangePassword, "true"));
        }

        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        foreach (var departmentId in await directory.GetDepartmentIdsAsync(user.Id, CancellationToken.None))
        {
            identity.AddClaim(new Claim(ManualsClaimTypes.Department, departmentId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
