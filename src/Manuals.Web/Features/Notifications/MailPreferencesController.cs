using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Notifications;

/// <summary>Each signed-in user chooses which notifications also come by e-mail; only their own choices.</summary>
[Route("account/notifications")]
public sealed class MailPreferencesController(MailPreferencePages pages, CurrentUser me, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("MailPreferences", await pages.ViewAsync(me.Viewer.UserId, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(MailPreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("MailPreferences", await pages.ViewAsync(me.Viewer.UserId, cancellationToken));
        }

        await pages.SaveAsync(me.Viewer.UserId, form, cancellationToken);
        TempData["Flash"] = l["Notifications.Settings.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
