using Manuals.Core.Accounts;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Admin;

/// <summary>User management for Admins: create, set role and departments, disable, reset password, unlock.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.Admin)]
public sealed class UsersController(UserAdministration admin, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await admin.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await admin.FormAsync(new UserFormModel(), null, null, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        CheckRole(form);
        if (string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), l["Validation.Required", l["Account.Field.InitialPassword"]]);
        }

        if (ModelState.IsValid)
        {
            var (id, errors) = await admin.CreateAsync(form, cancellationToken);
            if (errors.Count == 0)
            {
                TempData["Flash"] = l["Admin.Users.Created", form.UserName].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }

            AddErrors(errors);
        }

        form.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", await admin.FormAsync(form, null, null, cancellationToken));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        return View("Form", await admin.FormAsync(await FormOfAsync(user, cancellationToken), user, TempData["NewPassword"] as string, cancellationToken));
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Update(long id, UserFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await admin.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        // Password is not part of this form; ignore whatever a crafted request sends.
        ModelState.Remove(nameof(form.Password));
        if (await admin.FindLoginAsync(id, cancellationToken) is not null)
        {
            // A company account's names come from the provider and are not in the form (UserAdministration keeps them).
            ModelState.Remove(nameof(form.UserName));
            ModelState.Remove(nameof(form.DisplayName));
            ModelState.Remove(nameof(form.Email));
        }

        CheckRole(form);
        if (id == currentUser.Viewer.UserId && (form.IsDisabled || form.Role != Roles.Admin))
        {
            ModelState.AddModelError(nameof(form.Role), l["Admin.Users.CannotDemoteSelf"]);
        }

        if (ModelState.IsValid)
        {
            var errors = await admin.UpdateAsync(id, form, cancellationToken);
            if (errors.Count == 0)
            {
                TempData["Flash"] = l["Admin.Users.Saved"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }

            AddErrors(errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", await admin.FormAsync(form, user, null, cancellationToken));
    }

    [HttpPost("{id:long}/reset-password")]
    public async Task<IActionResult> ResetPassword(long id, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (await admin.FindLoginAsync(id, cancellationToken) is not null)
        {
            // The page offers no reset for a company account; a crafted request gets the page with the reason.
            ModelState.AddModelError("", l["Admin.Users.CompanyNoPassword"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await admin.FormAsync(await FormOfAsync(user, cancellationToken), user, null, cancellationToken));
        }

        var password = await admin.ResetPasswordAsync(id, cancellationToken);
        if (password is null)
        {
            return NotFound();
        }

        TempData["NewPassword"] = password;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:long}/unlock")]
    public async Task<IActionResult> Unlock(long id)
    {
        if (!await admin.UnlockAsync(id))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Admin.Users.Unlocked"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<UserFormModel> FormOfAsync(UserSummary user, CancellationToken cancellationToken) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Email = user.Email,
        Role = UserAdministration.HighestRole(user.Roles),
        DepartmentIds = user.DepartmentIds.ToList(),
        IsDisabled = user.IsDisabled,
        AccessOverridden = (await admin.FindLoginAsync(user.Id, cancellationToken))?.AccessOverridden == true,
    };

    private void CheckRole(UserFormModel form)
    {
        if (!Roles.IsKnown(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), l["Validation.UnknownValueInvalid"]);
        }
    }

    private void AddErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError("", error);
        }
    }
}
