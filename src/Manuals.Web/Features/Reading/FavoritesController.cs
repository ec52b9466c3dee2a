using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// 「お気に入りに追加」 / 「お気に入りから外す」 on a manual page: a form post (works without JavaScript) that comes back to the
/// manual with a message. Only a manual the reader may read.
/// </summary>
[Route("manuals/{id:long}/favorite")]
public sealed class FavoritesController(ReaderShelf shelf, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Set(long id, [FromForm(Name = "favorite")] bool? favorite, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || favorite is not { } marked)
        {
            return BadRequest();
        }

        switch (await shelf.SetFavoriteAsync(currentUser.Viewer, id, marked, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l[marked ? "Reading.Favorite.Added" : "Reading.Favorite.Removed"].Value;
                return Redirect($"/manuals/{id}");
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
