using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// Signing a handover off. The predecessor and each successor sign their own box with their own account, whatever their
/// role (a Reader included); the manager's box is signed by a manager of the handover who is not on it; an Admin may
/// record a box on the person's behalf, recorded as such (<see cref="HandoverAccessPolicy.SignOffRightOf"/>). Any
/// signed-in user may reach these routes; the policy answers 403 to everyone else.
/// </summary>
[Route("handovers/{id:long}")]
public sealed class HandoverSignOffsController(
    HandoverPages pages,
    HandoverService service,
    CurrentUser currentUser,
    CoverageClock clock,
    HandoverAudit audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("sign-off")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.SignOffAsync(currentUser.Viewer, id, cancellationToken), "SignOff");

    [HttpPost("sign")]
    public async Task<IActionResult> Sign(long id, HandoverSignOffForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, cancellationToken);
        }

        var result = await service.SignAsync(
            currentUser.Viewer, currentUser.Author, id, form.Role, form.EmployeeId, form.SignedOn ?? default, clock.Now(), cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await audit.SignedAsync(result.Id, form.Role, form.EmployeeId, cancellationToken);
        }

        return await AfterAsync(result, "Handovers.Signed", cancellationToken);
    }

    [HttpPost("unsign")]
    public async Task<IActionResult> Unsign(long id, HandoverSignOffForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await service.UnsignAsync(currentUser.Viewer, currentUser.Author, id, form.Role, form.EmployeeId, cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await audit.UnsignedAsync(result.Id, form.Role, cancellationToken);
        }

        return await AfterAsync(result, "Handovers.Unsigned", cancellationToken);
    }

    /// <summary>Back to the checklist for its managers, to the sign-off page for the people on the handover.</summary>
    private async Task<IActionResult> AfterAsync(HandoverResult result, string doneKey, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l[doneKey].Value;
                var page = await pages.SignOffAsync(currentUser.Viewer, result.Id, cancellationToken);
                return page.Value is { CanManage: true }
                    ? RedirectToAction(nameof(HandoversController.Show), "Handovers", new { id = result.Id })
                    : RedirectToAction(nameof(Show), new { id = result.Id });
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, l[$"Handovers.Validation.{error.Code}", error.Detail]);
                }

                return await ShowAgainAsync(result.Id, cancellationToken);
            case SaveOutcome.Conflict:
                ModelState.AddModelError("", l["Handovers.SignOff.Conflict"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return this.ViewOr(await pages.SignOffAsync(currentUser.Viewer, result.Id, cancellationToken), "SignOff");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAgainAsync(long id, CancellationToken cancellationToken)
    {
        var page = await pages.SignOffAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return this.ViewOr(page, "SignOff");
    }
}
