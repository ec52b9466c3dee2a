using Manuals.Core.Search;
using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Search;

/// <summary>The search results page. A GET form, so it works without JavaScript and results can be bookmarked.</summary>
[Route("search")]
public sealed class SearchController(SearchPages pages, SearchSuggester suggester, CurrentUser currentUser) : Controller
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

    /// <summary>
    /// Suggestions for the header box as JSON: at most 8 of <c>{ kind, text, url }</c>, manuals the viewer may read and
    /// business tasks. Not counted as a search (see 探されたが見つからなかった手順).
    /// </summary>
    [HttpGet("suggest")]
    public async Task<IActionResult> Suggest([FromQuery] string? q, CancellationToken cancellationToken)
    {
        var suggestions = await suggester.SuggestAsync(currentUser.Viewer, q, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Json(suggestions.Select(s => s.Kind == SearchSuggestionKind.Task
            ? new SuggestionJson("task", s.Text, $"/tasks/{s.Id}")
            : new SuggestionJson("manual", s.Text, $"/manuals/{s.Id}")));
    }

    /// <summary>One suggestion as the script reads it.</summary>
    public sealed record SuggestionJson(string Kind, string Text, string Url);
}
