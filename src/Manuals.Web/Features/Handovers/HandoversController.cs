using Manuals.Core.Audit;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// Handovers (引継ぎ): the list, starting one, the checklist, completion and reopening. Editors and Admins only (Readers
/// never see who is leaving); each handover further by <see cref="HandoverAccessPolicy"/>. Signing off is in
/// <see cref="HandoverSignOffsController"/>, open to the people on a handover whatever their role.
/// </summary>
[Route("handovers")]
[Authorize(Policy = Policies.Writer)]
public sealed class HandoversController(
    HandoverPages pages,
    HandoverService service,
    CurrentUser currentUser,
    CoverageClock clock,
    HandoverAudit audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] HandoverListQuery query, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // The list without the filter that could not be read, and the reason above it.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(await pages.ListAsync(currentUser.Viewer, query, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] long? employee, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return View("New", await pages.StartAsync(currentUser.Viewer, new HandoverStartForm { EmployeeId = employee }, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(HandoverStartForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await service.StartAsync(currentUser.Viewer, currentUser.Author, form.ToStart(), clock.Now(), cancellationToken);
            if (result.Outcome == SaveOutcome.Saved)
            {
                await audit.RecordAsync(AuditAction.HandoverStarted, result.Id, null, cancellationToken);
                TempData["Flash"] = l["Handovers.Started"].Value;
                return RedirectToAction(nameof(Show), new { id = result.Id });
            }

            if (result.Outcome == SaveOutcome.Forbidden)
            {
                return Forbid();
            }

            AddErrors(result);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("New", await pages.StartAsync(currentUser.Viewer, form, cancellationToken));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.DetailAsync(currentUser.Viewer, id, null, cancellationToken), "Show");

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Save(long id, HandoverChecklistForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, form, cancellationToken);
        }

        var result = await service.SaveAsync(currentUser.Viewer, currentUser.Author, id, form.ToEdit(), clock.Now(), cancellationToken);
        return await AfterAsync(result, "Handovers.Saved", () => ShowAgainAsync(id, form, cancellationToken), cancellationToken);
    }

    [HttpGet("{id:long}/complete")]
    public async Task<IActionResult> ConfirmComplete(long id, CancellationToken cancellationToken)
    {
        var page = await pages.CompleteAsync(currentUser.Viewer, id, cancellationToken);
        return page.Value is { Plan: null } ? RedirectToAction(nameof(Show), new { id }) : this.ViewOr(page, "Complete");
    }

    [HttpPost("{id:long}/complete")]
    public async Task<IActionResult> Complete(long id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var result = await service.CompleteAsync(currentUser.Viewer, currentUser.Author, id, version, clock.Now(), cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await audit.RecordAsync(AuditAction.HandoverCompleted, result.Id, null, cancellationToken);
        }

        return await AfterAsync(result, "Handovers.Completed", () => ShowAgainAsync(id, null, cancellationToken), cancellationToken);
    }

    [HttpPost("{id:long}/reopen")]
    public async Task<IActionResult> Reopen(long id, HandoverReopenForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await service.ReopenAsync(currentUser.Viewer, currentUser.Author, id, form.Reason ?? "", cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await audit.RecordAsync(AuditAction.HandoverReopened, result.Id, form.Reason?.Trim(), cancellationToken);
        }

        return await AfterAsync(result, "Handovers.Reopened", () => ShowAgainAsync(id, null, cancellationToken), cancellationToken);
    }

    /// <summary>A flash and the checklist; the page again with the messages (and the user's input); 403, 404, or a conflict message.</summary>
    private async Task<IActionResult> AfterAsync(HandoverResult result, string doneKey, Func<Task<IActionResult>> again, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l[doneKey].Value;
                return RedirectToAction(nameof(Show), new { id = result.Id });
            case SaveOutcome.Invalid:
                AddErrors(result);
                return await again();
            case SaveOutcome.Conflict:
                ModelState.AddModelError("", l["Handovers.Conflict"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                var page = await pages.DetailAsync(currentUser.Viewer, result.Id, null, cancellationToken);
                return this.ViewOr(page, "Show");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private void AddErrors(HandoverResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, l[$"Handovers.Validation.{error.Code}", error.Detail]);
        }
    }

    private async Task<IActionResult> ShowAgainAsync(long id, HandoverChecklistForm? form, CancellationToken cancellationToken)
    {
        var page = await pages.DetailAsync(currentUser.Viewer, id, form, cancellationToken);
        if (page.Value is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return this.ViewOr(page, "Show");
    }
}
