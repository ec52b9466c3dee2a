using Manuals.Core.Approvals;
using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Approvals;

/// <summary>承認の設定 (Admins only): each department's approval route, off by default, 1 to 3 stages in order.</summary>
[Route("admin/approvals")]
[Authorize(Policy = Policies.Admin)]
public sealed class ApprovalSettingsController(
    ApprovalPages pages,
    ApprovalService approvals,
    CurrentUser currentUser,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const string ListView = "/Features/Approvals/Views/SettingsList.cshtml";
    private const string FormView = "/Features/Approvals/Views/Settings.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(ListView, await pages.SettingsListAsync(cancellationToken));

    [HttpGet("{departmentId:long}")]
    public async Task<IActionResult> Edit(long departmentId, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.SettingsAsync(departmentId, null, cancellationToken), FormView);

    [HttpPost("{departmentId:long}")]
    public async Task<IActionResult> Save(long departmentId, ApprovalSettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", l["Validation.ApprovalUnreadable"]);
            return await FormAgainAsync(departmentId, form, cancellationToken);
        }

        var before = await pages.DescribeRouteAsync(departmentId, cancellationToken);
        var result = await approvals.ConfigureAsync(currentUser.Viewer, departmentId, form.ToInput(), cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                var after = await pages.DescribeRouteAsync(departmentId, cancellationToken);
                var department = (await pages.SettingsAsync(departmentId, null, cancellationToken)).Value?.Department.Name;
                if (before != after)
                {
                    await audit.RecordAsync(
                        AuditAction.ApprovalSettingsChanged, AuditTarget.Of(AuditTargetType.Department, departmentId, department), $"{before} → {after}");
                }

                TempData["Flash"] = l["Approvals.Settings.Saved", department ?? ""].Value;
                return Redirect("/admin/approvals");
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, l[$"Validation.{error.Code}", error.Detail]);
                }

                return await FormAgainAsync(departmentId, form, cancellationToken);
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> FormAgainAsync(long departmentId, ApprovalSettingsForm form, CancellationToken cancellationToken)
    {
        var page = await pages.SettingsAsync(departmentId, form, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return this.ViewOr(page, FormView);
    }
}
