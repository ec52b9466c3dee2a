using System.Security.Claims;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Accounts;

/// <summary>Sign-in, sign-out and changing one's own password.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<User> signInManager,
    UserManager<User> userManager,
    UserSessions sessions,
    CompanySignInProviders providers,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn([FromQuery] string? returnUrl) =>
        View(new SignInModel { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimit.PolicyName)]
    public async Task<IActionResult> SignIn(SignInModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        var userName = model.UserName.Trim();
        var result = await signInManager.PasswordSignInAsync(userName, model.Password, isPersistent: false, lockoutOnFailure: false);
        // The account is named only when the typed name is one; otherwise 「不明なユーザー」, never the text typed.
        var account = await userManager.FindByNameAsync(userName);
        await audit.RecordSignInAsync(
            account?.Id, account?.DisplayName, account?.UserName, result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, AuditMethod.Local);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        // One message for unknown user, wrong password, disabled and locked account, so sign-in reveals no user names.
        ModelState.AddModelError("", l["Account.SignInFailed"]);
        model.Password = "";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        // A company account's session: after Manuals' own sign-out, offer the provider's (CompanySignInController).
        var method = User.FindFirstValue(ClaimTypes.AuthenticationMethod);
        await signInManager.SignOutAsync();
        await audit.RecordAsync(AuditAction.SignOut, null);
        return providers.Find(method) is { } provider
            ? Redirect("/account/signed-out" + QueryString.Create("provider", provider.Scheme))
            : RedirectToAction(nameof(SignIn));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.PasswordHash is null)
        {
            // A company account has no password here; the page says where to change it instead.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ChangePasswordModel());
        }

        if (ModelState.IsValid && model.NewPassword == model.CurrentPassword)
        {
            ModelState.AddModelError(nameof(model.NewPassword), l["Account.PasswordUnchanged"]);
        }

        if (ModelState.IsValid)
        {
            var result = await userManager.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded && user.MustChangePassword)
            {
                user.MustChangePassword = false;
                result = await userManager.UpdateAsync(user);
            }

            if (result.Succeeded)
            {
                // Sessions elsewhere (perhaps someone who knew the old password) end; this one goes on.
                await sessions.EndOthersAsync(user.Id, cancellationToken);
                await signInManager.RefreshSignInAsync(user);
                await audit.RecordAsync(AuditAction.PasswordChanged, AuditTarget.Of(AuditTargetType.User, user.Id, user.UserName));
                TempData["Flash"] = l["Account.PasswordChanged"].Value;
                return Redirect("/manuals");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new ChangePasswordModel());
    }
}
