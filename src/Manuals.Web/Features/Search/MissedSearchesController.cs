using Manuals.Core.Audit;
using Manuals.Core.Search;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Search;

/// <summary>For Admins: 「探されたが見つからなかった手順」, the searches that found little, as a to-do list for writers.</summary>
[Route("admin/missed-searches")]
[Authorize(Policy = Policies.Admin)]
public sealed class MissedSearchesController(IMissedSearchStore store, AuditTrail audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Missed", await store.ListAsync(cancellationToken));

    /// <summary>対応済みにする: the row goes; the query is counted afresh if it is searched again and still misses.</summary>
    [HttpPost("{id:long}/resolve")]
    public async Task<IActionResult> Resolve(long id, CancellationToken cancellationToken)
    {
        var missed = (await store.ListAsync(cancellationToken)).FirstOrDefault(m => m.Id == id);
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.MissedSearchResolved, AuditTarget.Of(AuditTargetType.MissedSearch, id, missed?.Query));

        TempData["Flash"] = l["Search.Missed.Resolved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
