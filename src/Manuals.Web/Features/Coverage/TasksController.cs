using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// Business tasks (業務): the list with risks, a task's page, create and edit, and linking manuals from either side.
/// Everyone signed in sees them; Editors change their departments' tasks, Admins all (<see cref="CoverageAccessPolicy"/>).
/// </summary>
[Route("tasks")]
public sealed class TasksController(
    CoveragePages pages,
    BusinessTaskService service,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] long? department, [FromQuery] CoverageRisk? risk, [FromQuery] long? manual, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || (risk is { } r && !Enum.IsDefined(r)))
        {
            return BadRequest();
        }

        return manual is { } manualId
            ? this.ViewOr(await pages.ManualTasksAsync(currentUser.Viewer, manualId, cancellationToken), "ManualTasks")
            : this.ViewOr(await pages.TasksAsync(currentUser.Viewer, department, risk, cancellationToken), "Tasks");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.TaskAsync(currentUser.Viewer, id, cancellationToken), "TaskDetail");

    [HttpGet("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> New([FromQuery] long? department, CancellationToken cancellationToken)
    {
        var form = new TaskFormModel { DepartmentId = department ?? currentUser.Viewer.DepartmentIds.Order().FirstOrDefault() };
        return View("TaskForm", await pages.TaskFormAsync(currentUser.Viewer, form, null, cancellationToken));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Create(TaskFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(form, null, cancellationToken);
        }

        var result = await service.CreateAsync(currentUser.Viewer, form.ToTask(0), cancellationToken);
        return await AfterSaveAsync(result, form, null, cancellationToken);
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var page = await pages.TaskAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is not { } detail)
        {
            return this.ViewOr(page);
        }

        if (!detail.CanEdit)
        {
            return Forbid();
        }

        return View("TaskForm", await pages.TaskFormAsync(currentUser.Viewer, TaskFormModel.From(detail.Task), id, cancellationToken));
    }

    [HttpPost("{id:long}/edit")]
    public async Task<IActionResult> Update(long id, TaskFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // Whether the user may change this task is decided before the input is judged, as on the form's page.
        var page = await pages.TaskAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is not { } detail)
        {
            return this.ViewOr(page);
        }

        if (!detail.CanEdit)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(form, id, cancellationToken);
        }

        var result = await service.UpdateAsync(currentUser.Viewer, form.ToTask(id), cancellationToken);
        return await AfterSaveAsync(result, form, id, cancellationToken);
    }

    /// <summary>Links a manual to this task (from the task's page).</summary>
    [HttpPost("{id:long}/manuals")]
    public async Task<IActionResult> LinkManual(long id, [FromForm] long? manualId, CancellationToken cancellationToken)
    {
        if (manualId is null)
        {
            TempData["Flash"] = l["Coverage.Task.ChooseManual"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }

        return Outcome(
            await service.LinkManualAsync(currentUser.Viewer, id, manualId.Value, cancellationToken),
            l["Coverage.Task.ManualLinked"],
            RedirectToAction(nameof(Show), new { id }));
    }

    [HttpPost("{id:long}/manuals/{manualId:long}/unlink")]
    public async Task<IActionResult> UnlinkManual(long id, long manualId, CancellationToken cancellationToken) =>
        Outcome(
            await service.UnlinkManualAsync(currentUser.Viewer, id, manualId, cancellationToken),
            l["Coverage.Task.ManualUnlinked"],
            RedirectToAction(nameof(Show), new { id }));

    /// <summary>Links a task to a manual, from the manual's side (<c>/tasks?manual={id}</c>).</summary>
    [HttpPost("link")]
    public async Task<IActionResult> LinkFromManual([FromForm] long? manualId, [FromForm] long? taskId, CancellationToken cancellationToken)
    {
        if (manualId is null)
        {
            return BadRequest();
        }

        var back = Redirect($"/tasks?manual={manualId.Value}");
        if (taskId is null)
        {
            TempData["Flash"] = l["Coverage.Task.ChooseTask"].Value;
            return back;
        }

        return Outcome(await service.LinkManualAsync(currentUser.Viewer, taskId.Value, manualId.Value, cancellationToken), l["Coverage.Task.ManualLinked"], back);
    }

    private IActionResult Outcome(SaveOutcome outcome, string flash, IActionResult success)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = flash;
                return success;
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private Task<IActionResult> AfterSaveAsync(CoverageResult result, TaskFormModel form, long? id, CancellationToken cancellationToken) =>
        this.AfterSaveAsync(result, l, "Coverage.Task.Saved", nameof(Show), () => FormAgainAsync(form, id, cancellationToken));

    private async Task<IActionResult> FormAgainAsync(TaskFormModel form, long? id, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("TaskForm", await pages.TaskFormAsync(currentUser.Viewer, form, id, cancellationToken));
    }
}
