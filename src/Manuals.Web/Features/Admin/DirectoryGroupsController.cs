using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Departments;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Admin;

/// <summary>
/// For Admins: which directory group gives which 部署 at company sign-in. A change applies at each user's next sign-in.
/// </summary>
[Route("admin/directory-groups")]
[Authorize(Policy = Policies.Admin)]
public sealed class DirectoryGroupsController(
    IDirectoryGroupMappingStore store,
    IDepartmentStore departments,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("DirectoryGroups", await PageAsync(new DirectoryGroupForm(), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Add(DirectoryGroupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.GroupId = form.GroupId?.Trim() ?? "";
        form.Label = string.IsNullOrWhiteSpace(form.Label) ? null : form.Label.Trim();
        var page = await PageAsync(form, cancellationToken);
        if (!page.Departments.Any(d => d.Id == form.DepartmentId))
        {
            ModelState.AddModelError(nameof(form.DepartmentId), l["Admin.DirectoryGroups.Errors.DepartmentUnknown"]);
        }

        if (ModelState.IsValid)
        {
            var duplicate = page.Mappings.Any(m =>
                m.DepartmentId == form.DepartmentId && string.Equals(m.GroupId, form.GroupId, StringComparison.OrdinalIgnoreCase));
            if (!duplicate && await store.AddAsync(form.GroupId, form.Label, form.DepartmentId, clock.GetUtcNow(), cancellationToken) is { } id)
            {
                await audit.RecordAsync(
                    AuditAction.GroupMappingAdded,
                    AuditTarget.Of(AuditTargetType.GroupMapping, id, form.Label ?? form.GroupId),
                    l["Audit.Detail.GroupMapping", form.GroupId, page.DepartmentName(form.DepartmentId)]);
                TempData["Flash"] = l["Admin.DirectoryGroups.Added", form.GroupId, page.DepartmentName(form.DepartmentId)].Value;
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(nameof(form.GroupId), l["Admin.DirectoryGroups.Errors.Duplicate", page.DepartmentName(form.DepartmentId)]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("DirectoryGroups", page);
    }

    [HttpGet("{id:long}/remove")]
    public async Task<IActionResult> ConfirmRemove(long id, CancellationToken cancellationToken)
    {
        var mapping = await store.FindAsync(id, cancellationToken);
        if (mapping is null)
        {
            return NotFound();
        }

        var name = (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == mapping.DepartmentId)?.Name ?? "";
        return View("DirectoryGroupRemove", new DirectoryGroupRemovePage(mapping, name));
    }

    [HttpPost("{id:long}/remove")]
    public async Task<IActionResult> Remove(long id, CancellationToken cancellationToken)
    {
        var mapping = await store.FindAsync(id, cancellationToken);
        if (mapping is null || !await store.RemoveAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var departmentName = (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == mapping.DepartmentId)?.Name ?? "";
        await audit.RecordAsync(
            AuditAction.GroupMappingRemoved,
            AuditTarget.Of(AuditTargetType.GroupMapping, id, mapping.Label ?? mapping.GroupId),
            l["Audit.Detail.GroupMapping", mapping.GroupId, departmentName]);

        TempData["Flash"] = l["Admin.DirectoryGroups.Removed"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<DirectoryGroupsPage> PageAsync(DirectoryGroupForm form, CancellationToken cancellationToken) =>
        new(await store.ListAsync(cancellationToken), await departments.ListAsync(cancellationToken), form);
}
