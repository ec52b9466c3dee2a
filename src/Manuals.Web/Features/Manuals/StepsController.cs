using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// Step-by-step mode: one step of a manual at a time, with previous/next links, for someone following along at
/// their desk. Readable by whoever may read the manual.
/// </summary>
[Route("manuals/{id:long}/steps")]
public sealed class StepsController(StepPages pages, CurrentUser currentUser) : Controller
{
    /// <summary>Redirects to the first step (so every step has one address), or explains that the manual has no steps.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Start(long id, CancellationToken cancellationToken)
    {
        var page = await pages.StepAsync(currentUser.Viewer, id, null, cancellationToken);
        return page.Value switch
        {
            { Current: { } first } => RedirectToAction(nameof(Step), new { id, number = first.Number }),
            { } empty => View("NoSteps", empty),
            null => this.ViewOr(page),
        };
    }

    /// <summary>Step <paramref name="number"/>, from 1; anything outside the steps (0, 999, abc) is a 404.</summary>
    [HttpGet("{number:int}")]
    public async Task<IActionResult> Step(long id, int number, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.StepAsync(currentUser.Viewer, id, number, cancellationToken), "Step");

    /// <summary>Shown after the last step.</summary>
    [HttpGet("complete")]
    public async Task<IActionResult> Complete(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.CompleteAsync(currentUser.Viewer, id, cancellationToken), "StepsComplete");
}
