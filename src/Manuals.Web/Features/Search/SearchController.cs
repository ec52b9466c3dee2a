using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Search;

/// <summary>The search results page. A GET form, so it works without JavaScript and results can be bookmarked.</summary>
[Route("search")]
public sealed class SearchController(SearchPages pages, CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] SearchForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var valid = ModelState.IsValid && form.HasValidValues;
        if (!valid)
        {
            // The words stay in the box; only the bad filter has to be chosen again.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(await pages.SearchAsync(currentUser.Viewer, form, valid, cancellationToken));
    }
}
