using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// Required reading (必読) of one manual: 「読みました」 for an assignee; the 必読の状況 page, its CSV and 「必読に指定」 for
/// those who may edit the manual.
/// </summary>
[Route("manuals/{id:long}")]
public sealed class ReadingController(
    ReadingPages pages, RequiredReadingService reading, CurrentUser currentUser, AuditTrail audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("read")]
    public async Task<IActionResult> Confirm(long id, CancellationToken cancellationToken)
    {
        switch (await reading.ConfirmAsync(currentUser.Viewer, id, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l["Reading.Confirmed"].Value;
                return Redirect($"/manuals/{id}");
            case SaveOutcome.Invalid:
                return BadRequest();
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpGet("reading")]
    public async Task<IActionResult> Status(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.StatusAsync(currentUser.Viewer, id, null, [], cancellationToken), "Status");

    [HttpGet("reading.csv")]
    public async Task<IActionResult> Csv(long id, CancellationToken cancellationToken)
    {
        var status = await pages.StatusAsync(currentUser.Viewer, id, null, [], cancellationToken);
        if (status.Value is not { } view)
        {
            return this.ViewOr(status);
        }

        return File(pages.Csv(view), "text/csv; charset=utf-8", $"required-reading-{id}-{view.Today:yyyyMMdd}.csv");
    }

    [HttpPost("reading")]
    public async Task<IActionResult> Assign(long id, ReadingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.IsValid
            ? await reading.AssignAsync(currentUser.Viewer, id, form.ToAssignment(), pages.Today, cancellationToken)
            : new SaveResult(SaveOutcome.Invalid, id, null, ReadingForm.BindingErrors(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key)));
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.RecordAsync(
                    AuditAction.ReadingAssigned,
                    AuditTarget.Of(AuditTargetType.Manual, id, result.Current?.Title ?? ""),
                    l["Audit.Detail.ReadingAssigned", form.UserIds.Distinct().Count(), form.DepartmentIds.Distinct().Count(), form.BusinessDays].Value);
                TempData["Flash"] = l["Reading.Assigned"].Value;
                return Redirect($"/manuals/{id}/reading");
            case SaveOutcome.Invalid:
                var page = await pages.StatusAsync(currentUser.Viewer, id, form, result.Errors, cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return this.ViewOr(page, "Status");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
