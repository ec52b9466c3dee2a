using Manuals.Core.Search;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Search;

/// <summary>For Admins: the search index's coverage and a button that rebuilds it.</summary>
[Route("admin/search")]
[Authorize(Policy = Policies.Admin)]
public sealed class SearchAdminController(ISearchIndex index, SearchRebuildJob job, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Admin", new SearchAdminPage(await index.StatusAsync(cancellationToken), job.State));

    [HttpPost("rebuild")]
    public IActionResult Rebuild()
    {
        TempData["Flash"] = job.TryStart() ? l["Search.Admin.Started"].Value : l["Search.Admin.AlreadyRunning"].Value;
        return RedirectToAction(nameof(Index));
    }
}
