using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// 業務のマニュアルを必読に指定: every manual linked to the chosen business tasks made required reading for people or
/// departments in one go, for Editors and Admins (manuals they may not edit are skipped and named).
/// </summary>
[Route("reading/tasks")]
[Authorize(Policy = Policies.Writer)]
public sealed class TaskReadingController(
    RequiredReadingService reading,
    IBusinessTaskStore tasks,
    IAccountDirectory accounts,
    IDepartmentStore departments,
    ReadingPages pages,
    CurrentUser currentUser,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "task")] List<long>? task, CancellationToken cancellationToken) =>
        View("TaskReading", await ViewAsync(new TaskReadingForm { TaskIds = task ?? [] }, [], cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Assign(TaskReadingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await reading.AssignTasksAsync(currentUser.Viewer, form.TaskIds, form.ToAssignment(), pages.Today, cancellationToken)
            : TaskReadingResult.Invalid(ReadingForm.BindingErrors(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key))
                .Select(e => new ManualError(null, e)).ToList());
        if (result.Outcome != SaveOutcome.Saved)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var messages = result.Errors
                .Select(e => (e.ManualTitle is null ? "" : l["Reading.Tasks.ManualPrefix", e.ManualTitle].Value) + l[$"Reading.Error.{e.Error.Code}", e.Error.Detail].Value)
                .ToList();
            return View("TaskReading", await ViewAsync(form, messages, cancellationToken));
        }

        foreach (var manual in result.Assigned)
        {
            await audit.RecordAsync(
                AuditAction.ReadingAssigned,
                AuditTarget.Of(AuditTargetType.Manual, manual.Id, manual.Title),
                l["Audit.Detail.ReadingAssigned", form.UserIds.Distinct().Count(), form.DepartmentIds.Distinct().Count(), form.BusinessDays].Value);
        }

        TempData["Flash"] = result.Skipped.Count == 0
            ? l["Reading.Tasks.Assigned", result.Assigned.Count].Value
            : l["Reading.Tasks.AssignedSkipped", result.Assigned.Count, string.Join("、", result.Skipped.Select(m => m.Title))].Value;
        return Redirect("/reading/tasks");
    }

    private async Task<TaskReadingView> ViewAsync(TaskReadingForm form, IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Viewer;
        var all = await departments.ListAsync(cancellationToken);
        var withManuals = (await tasks.ListAsync(null, cancellationToken)).Where(t => t.ManualIds.Count > 0).ToList();
        var grouped = all
            .Where(d => viewer.IsAdmin || viewer.BelongsTo(d.Id))
            .Select(d => (Department: d, Tasks: (IReadOnlyList<BusinessTask>)withManuals.Where(t => t.DepartmentId == d.Id).OrderBy(t => t.Name, StringComparer.Ordinal).ToList()))
            .Where(g => g.Tasks.Count > 0)
            .ToList();
        var people = (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled)
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .ToList();
        return new TaskReadingView(grouped, people, all, form, errors);
    }
}
