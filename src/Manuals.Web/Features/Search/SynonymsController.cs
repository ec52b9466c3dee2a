using Manuals.Core.Audit;
using Manuals.Core.Search;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Search;

/// <summary>
/// For Admins: the synonym groups. Queries read the table on every search (there is no cache), so a change applies to
/// the next search, and the index needs no rebuild.
/// </summary>
[Route("admin/synonyms")]
[Authorize(Policy = Policies.Admin)]
public sealed class SynonymsController(ISynonymStore store, AuditTrail audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Synonyms", new SynonymsPage(await store.ListAsync(cancellationToken)));

    [HttpPost("")]
    public async Task<IActionResult> Add([FromForm] string? words, CancellationToken cancellationToken)
    {
        var input = SynonymInput.Parse(words);
        if (!input.IsValid)
        {
            return await RefuseAsync(0, words, input, cancellationToken);
        }

        await store.AddAsync(input.Words, cancellationToken);
        TempData["Flash"] = l["Search.Synonyms.Added"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Update(long id, [FromForm] string? words, CancellationToken cancellationToken)
    {
        var input = SynonymInput.Parse(words);
        if (!input.IsValid)
        {
            return await RefuseAsync(id, words, input, cancellationToken);
        }

        if (!await store.UpdateAsync(id, input.Words, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Search.Synonyms.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        var group = (await store.ListAsync(cancellationToken)).FirstOrDefault(g => g.Id == id);
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.SynonymDeleted, AuditTarget.Of(AuditTargetType.Synonym, id, group is null ? null : string.Join("、", group.Terms)));
        TempData["Flash"] = l["Search.Synonyms.Deleted"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RefuseAsync(long id, string? text, SynonymInput input, CancellationToken cancellationToken)
    {
        var message = input.Error switch
        {
            SynonymInputError.TooMany => l["Search.Synonyms.Errors.TooMany", SynonymInput.MaxWords].Value,
            SynonymInputError.TooLong => l["Search.Synonyms.Errors.TooLong", SynonymInput.MaxWordLength, input.Word ?? ""].Value,
            SynonymInputError.Unsearchable => l["Search.Synonyms.Errors.Unsearchable", input.Word ?? ""].Value,
            _ => l["Search.Synonyms.Errors.TooFew"].Value,
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Synonyms", new SynonymsPage(await store.ListAsync(cancellationToken), id, text ?? "", message));
    }
}
