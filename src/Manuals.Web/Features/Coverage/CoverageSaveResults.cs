using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// What the task and employee forms do after a save, in one place: a flash and the saved page, the form again with
/// the rule messages (and the user's input), 403 or 404.
/// </summary>
public static class CoverageSaveResults
{
    public static async Task<IActionResult> AfterSaveAsync(
        this Controller controller,
        CoverageResult result,
        IStringLocalizer l,
        string savedKey,
        string showAction,
        Func<Task<IActionResult>> formAgain)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(formAgain);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                controller.TempData["Flash"] = l[savedKey].Value;
                return controller.RedirectToAction(showAction, new { id = result.Id });
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    controller.ModelState.AddModelError(error.Field, l[$"Coverage.Validation.{error.Code}"]);
                }

                return await formAgain();
            case SaveOutcome.Forbidden:
                return controller.Forbid();
            default:
                return controller.NotFound();
        }
    }
}
