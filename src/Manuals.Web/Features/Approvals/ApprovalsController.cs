using Manuals.Core.Approvals;
using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Features.Manuals;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Approvals;

/// <summary>
/// 承認: the requests waiting for the viewer, a request's page with its diff, and 承認する / 差し戻す / 取り下げる. Only
/// Editors and Admins take part (named approvers are Editors or Admins); a request is shown only to its writer, its
/// approvers and Admins (<see cref="ApprovalPolicy"/>), to anyone else 403.
/// </summary>
[Route("approvals")]
[Authorize(Policy = Policies.Writer)]
public sealed class ApprovalsController(
    ApprovalPages pages,
    ApprovalService approvals,
    CurrentUser currentUser,
    AuditTrail audit,
    ManualAudit manualAudit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.ListAsync(currentUser.Viewer, cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.RequestAsync(currentUser.Viewer, id, cancellationToken));

    [HttpPost("{id:long}/approve")]
    public async Task<IActionResult> Approve(long id, CancellationToken cancellationToken)
    {
        var result = await approvals.ApproveAsync(currentUser.Viewer, currentUser.Author, id, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                var request = result.Request!;
                await audit.RecordAsync(
                    AuditAction.ApprovalApproved,
                    Target(request),
                    l["Audit.Detail.ApprovalApproved", request.CurrentStage, request.Stages.Count].Value);
                if (result.Completed)
                {
                    // The new revision is what readers see now: a publish is recorded as one.
                    await manualAudit.SavedAsync(SaveResult.Saved(request.ManualId) with { Previous = result.Previous }, cancellationToken);
                }

                TempData["Flash"] = result.Completed
                    ? l["Approvals.Approved.Published"].Value
                    : l["Approvals.Approved.Next", request.CurrentStage + 1].Value;
                return Redirect($"/approvals/{id}");
            case SaveOutcome.Conflict:
                TempData["Flash"] = l[result.ManualMoved ? "Approvals.ManualMoved" : "Approvals.AlreadyDecided"].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await ShowAgainAsync(id, null, cancellationToken);
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:long}/send-back")]
    public async Task<IActionResult> SendBack(long id, SendBackForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await approvals.SendBackAsync(currentUser.Viewer, currentUser.Author, id, form.Comment, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                var request = result.Request!;
                await audit.RecordAsync(
                    AuditAction.ApprovalSentBack,
                    Target(request),
                    l["Audit.Detail.ApprovalSentBack", request.CurrentStage, form.Comment?.Trim() ?? ""].Value);
                TempData["Flash"] = l["Approvals.SentBack.Done"].Value;
                return Redirect($"/approvals/{id}");
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(nameof(SendBackForm.Comment), l[$"Validation.{error.Code}", error.Detail]);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAgainAsync(id, form, cancellationToken);
            case SaveOutcome.Conflict:
                TempData["Flash"] = l["Approvals.AlreadyDecided"].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await ShowAgainAsync(id, form, cancellationToken);
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:long}/withdraw")]
    public async Task<IActionResult> Withdraw(long id, CancellationToken cancellationToken)
    {
        var result = await approvals.WithdrawAsync(currentUser.Viewer, id, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.RecordAsync(AuditAction.ApprovalWithdrawn, Target(result.Request!));
                TempData["Flash"] = l["Approvals.Withdrawn"].Value;
                return Redirect($"/manuals/{result.Request!.ManualId}");
            case SaveOutcome.Conflict:
                TempData["Flash"] = l["Approvals.AlreadyDecided"].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await ShowAgainAsync(id, null, cancellationToken);
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAgainAsync(long id, SendBackForm? form, CancellationToken cancellationToken)
    {
        var page = await pages.RequestAsync(currentUser.Viewer, id, cancellationToken);
        if (page.Value is null)
        {
            return this.ViewOr(page);
        }

        // The flash is for this response, not the next page.
        ViewData["Notice"] = TempData["Flash"];
        TempData.Remove("Flash");
        return View(nameof(Show), page.Value with { SendBack = form });
    }

    private static AuditTarget Target(ApprovalRequest request) => AuditTarget.Of(AuditTargetType.Manual, request.ManualId, request.Title);
}
