using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Admin;

/// <summary>For Admins: each department's Microsoft Teams or Slack webhook, where its notifications are posted.</summary>
[Route("admin/webhooks")]
[Authorize(Policy = Policies.Admin)]
public sealed class WebhooksController(WebhookAdministration webhooks, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Webhooks", await webhooks.PageAsync(null, null, null, cancellationToken));

    [HttpPost("{departmentId:long}")]
    public async Task<IActionResult> Save(long departmentId, WebhookForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var department = await webhooks.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null)
        {
            return NotFound();
        }

        if (webhooks.Check(form) is { } error)
        {
            ModelState.AddModelError(nameof(form.Url), error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Webhooks", await webhooks.PageAsync(departmentId, form, error, cancellationToken));
        }

        await webhooks.SaveAsync(department, form, cancellationToken);
        TempData["Flash"] = l["Admin.Webhooks.Saved", department.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{departmentId:long}/test")]
    public async Task<IActionResult> Test(long departmentId, CancellationToken cancellationToken)
    {
        var department = await webhooks.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null || await webhooks.TestAsync(department, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Message;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{departmentId:long}/delete")]
    public async Task<IActionResult> Delete(long departmentId, CancellationToken cancellationToken)
    {
        var department = await webhooks.FindDepartmentAsync(departmentId, cancellationToken);
        if (department is null || !await webhooks.RemoveAsync(department, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Admin.Webhooks.Removed", department.Name].Value;
        return RedirectToAction(nameof(Index));
    }
}
