using Manuals.Core.Manuals;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Manuals;

/// <summary>Manual list, manual page, create and edit (with conflict handling), history and old revisions.</summary>
[Route("manuals")]
public sealed class ManualsController(
    ManualPages pages,
    ManualService service,
    CurrentUser currentUser,
    ManualAudit audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Home(CancellationToken cancellationToken) =>
        View(await pages.HomeAsync(currentUser.Viewer, cancellationToken));

    [HttpGet("stale")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Stale([FromQuery] int? page, CancellationToken cancellationToken) =>
        ModelState.IsValid ? View(await pages.StaleAsync(page ?? 1, cancellationToken)) : BadRequest();

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] long? department, [FromQuery] long? after, [FromQuery] long? before, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var position = before is { } newer ? new ManualListPosition(newer, Before: true)
            : after is { } older ? new ManualListPosition(older, Before: false)
            : null;
        return this.ViewOr(await pages.ListAsync(currentUser.Viewer, department, position, cancellationToken));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.ShowAsync(currentUser.Viewer, id, cancellationToken));

    [HttpGet("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> New(
        [FromQuery] long? department, [FromQuery] long? template, [FromQuery] string? editor, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var form = new ManualFormModel
        {
            DepartmentId = department ?? currentUser.Viewer.DepartmentIds.Order().FirstOrDefault(),
            EditorMode = EditorModes.Chosen(editor, Request.Cookies[EditorModes.Cookie]),
        };
        if (template is { } templateId)
        {
            // The editor opens pre-filled with the template's skeleton; the manual records the template it follows.
            var chosen = await pages.ActiveTemplateAsync(templateId, cancellationToken);
            if (chosen is null)
            {
                return NotFound();
            }

            form.Template = chosen.Name;
            form.Body = chosen.Body;
        }

        return View("Form", await pages.FormAsync(currentUser.Viewer, form, null, preview: false, cancellationToken));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.Writer)]
    [RequestFormLimits(ValueCountLimit = StepEditorLimits.FormValueCount)]
    public async Task<IActionResult> Create(ManualFormModel form, [FromForm(Name = "intent")] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // A new manual leaves out the template's untouched hints when it is saved; switching editors keeps them.
        if (!ReadStepEditor(form, leaveOutHints: intent is null or "save"))
        {
            return await FormAgainAsync(form, null, preview: false, cancellationToken);
        }

        if (IsEditorIntent(intent))
        {
            return await EditorAgainAsync(form, null, intent, cancellationToken);
        }

        if (intent == "preview" || !ModelState.IsValid)
        {
            return await FormAgainAsync(form, null, intent == "preview", cancellationToken);
        }

        var result = await service.CreateAsync(currentUser.Viewer, currentUser.Author, form.ToDraft(), cancellationToken);
        return await AfterSaveAsync(result, form, null, cancellationToken);
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, [FromQuery] string? editor, CancellationToken cancellationToken)
    {
        var manual = await pages.FindEditableAsync(currentUser.Viewer, id, cancellationToken);
        if (manual.Value is null)
        {
            return this.ViewOr(manual);
        }

        var mode = EditorModes.Chosen(editor, Request.Cookies[EditorModes.Cookie]);
        return View("Form", await pages.EditFormAsync(currentUser.Viewer, manual.Value, mode, cancellationToken));
    }

    [HttpPost("{id:long}/edit")]
    [RequestFormLimits(ValueCountLimit = StepEditorLimits.FormValueCount)]
    public async Task<IActionResult> Update(long id, ManualFormModel form, [FromForm(Name = "intent")] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var editable = await pages.FindEditableAsync(currentUser.Viewer, id, cancellationToken);
        if (editable.Value is null)
        {
            return this.ViewOr(editable);
        }

        if (!ReadStepEditor(form, leaveOutHints: false))
        {
            return await FormAgainAsync(form, id, preview: false, cancellationToken);
        }

        if (IsEditorIntent(intent))
        {
            return await EditorAgainAsync(form, id, intent, cancellationToken);
        }

        if (intent == "preview" || !ModelState.IsValid)
        {
            return await FormAgainAsync(form, id, intent == "preview", cancellationToken);
        }

        var result = await service.SaveAsync(
            currentUser.Viewer, currentUser.Author, id, form.BaseRevision, form.ToBaseline(), form.ToDraft(), cancellationToken);
        return await AfterSaveAsync(result, form, id, cancellationToken);
    }

    [HttpGet("{id:long}/history")]
    public async Task<IActionResult> History(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.HistoryAsync(currentUser.Viewer, id, cancellationToken));

    [HttpGet("{id:long}/revisions/{number:int}")]
    public async Task<IActionResult> Revision(long id, int number, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.RevisionAsync(currentUser.Viewer, id, number, cancellationToken));

    [HttpGet("{id:long}/compare")]
    public async Task<IActionResult> Compare(long id, [FromQuery] int from, [FromQuery] int to, CancellationToken cancellationToken) =>
        ModelState.IsValid
            ? this.ViewOr(await pages.CompareAsync(currentUser.Viewer, id, from, to, cancellationToken))
            : BadRequest();

    [HttpPost("{id:long}/revisions/{number:int}/restore")]
    public async Task<IActionResult> Restore(long id, int number, [FromForm] int baseRevision, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var note = l["Manuals.Revision.RestoredNote", number].Value;
        var result = await service.RestoreAsync(currentUser.Viewer, currentUser.Author, id, number, baseRevision, note, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved when result.ApprovalRequestId is { } requestId:
                await audit.RequestedAsync(result, cancellationToken);
                TempData["Flash"] = l["Approvals.Requested"].Value;
                return Redirect($"/approvals/{requestId}");
            case SaveOutcome.Saved:
                await audit.RestoredAsync(result, number, cancellationToken);
                TempData["Flash"] = l["Manuals.Revision.Restored", number].Value;
                return RedirectToAction(nameof(Show), new { id });
            case SaveOutcome.Conflict:
                TempData["Flash"] = l["Manuals.Revision.RestoreConflict"].Value;
                return RedirectToAction(nameof(History), new { id });
            case SaveOutcome.AwaitingApproval:
                TempData["Flash"] = l["Approvals.SaveRefused"].Value;
                return RedirectToAction(nameof(History), new { id });
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Invalid:
                return BadRequest();
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:long}/review")]
    public async Task<IActionResult> MarkReviewed(long id, CancellationToken cancellationToken)
    {
        switch (await service.MarkReviewedAsync(currentUser.Viewer, id, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData["Flash"] = l["Manuals.Review.Recorded"].Value;
                return RedirectToAction(nameof(Show), new { id });
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:long}/settings")]
    public async Task<IActionResult> Settings(long id, SettingsModel settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = ModelState.IsValid
            ? await service.UpdateSettingsAsync(currentUser.Viewer, id, settings.OwnerId, settings.ReviewIntervalDays, cancellationToken)
            : new SaveResult(SaveOutcome.Invalid, id, null, []);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.SettingsSavedAsync(result, cancellationToken);
                TempData["Flash"] = l["Manuals.Settings.Saved"].Value;
                return RedirectToAction(nameof(Show), new { id });
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, l[$"Validation.{error.Code}"]);
                }

                var page = await pages.ShowAsync(currentUser.Viewer, id, cancellationToken);
                ViewData[nameof(SettingsModel)] = settings;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return page.Value is null ? this.ViewOr(page) : View(nameof(Show), page.Value);
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> AfterSaveAsync(SaveResult result, ManualFormModel form, long? id, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved when result.Unchanged:
                TempData["Flash"] = l["Manuals.SavedUnchanged"].Value;
                return RedirectToAction(nameof(Show), new { id = result.ManualId });
            case SaveOutcome.Saved when result.ApprovalRequestId is { } requestId:
                // Readers still see the manual as it was; the request holds the new text until the last approval.
                await audit.RequestedAsync(result, cancellationToken);
                TempData["Flash"] = l["Approvals.Requested"].Value;
                return Redirect($"/approvals/{requestId}");
            case SaveOutcome.Saved:
                await audit.SavedAsync(result, cancellationToken);
                TempData["Flash"] = l["Manuals.Saved"].Value;
                return RedirectToAction(nameof(Show), new { id = result.ManualId });
            case SaveOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, l[$"Validation.{error.Code}", error.Detail]);
                }

                return await FormAgainAsync(form, id, preview: false, cancellationToken);
            case SaveOutcome.AwaitingApproval:
                {
                    // The writer's text stays in the form; nothing was saved while someone's request waits for approval.
                    ModelState.AddModelError("", l["Approvals.SaveRefused"]);
                    var page = await FormAgainAsync(form, id, preview: false, cancellationToken);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return page;
                }

            case SaveOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", await pages.ConflictAsync(currentUser.Viewer, form, result.Current!, result.Conflict!, cancellationToken));
            case SaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// In the step editor, makes the form's body from its fields (with <paramref name="leaveOutHints"/>, without the
    /// template's hints the writer left as they were). False (with the reason in the model state) when the fields do not fit the text the
    /// page was made from, which only a tampered or garbled form does; the form then opens in the Markdown editor on
    /// that text.
    /// </summary>
    private bool ReadStepEditor(ManualFormModel form, bool leaveOutHints)
    {
        if (!form.IsStepEditor)
        {
            return true;
        }

        if (form.Editor.Compose(leaveOutHints) is { } body)
        {
            form.Body = body;
            return true;
        }

        form.Body = form.Editor.Source;
        form.EditorMode = EditorModes.Markdown;
        ModelState.AddModelError(nameof(form.Body), l["Validation.EditorStale"]);
        return false;
    }

    private static bool IsEditorIntent(string? intent) => intent is EditorModes.Steps or EditorModes.Markdown or "add-step";

    /// <summary>The form again after switching between the step editor and Markdown, or with one more empty step card.</summary>
    private async Task<IActionResult> EditorAgainAsync(ManualFormModel form, long? id, string? intent, CancellationToken cancellationToken)
    {
        // A switch is not a save: nothing is refused yet (a missing title is said when the writer saves).
        ModelState.Clear();
        form.EditorMode = intent == EditorModes.Markdown ? EditorModes.Markdown : EditorModes.Steps;
        if (intent != "add-step")
        {
            // The editor opens the way the writer last chose.
            Response.Cookies.Append(EditorModes.Cookie, form.EditorMode, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        var page = await pages.FormAsync(currentUser.Viewer, form, id, preview: false, cancellationToken, addStep: intent == "add-step");
        return View("Form", page);
    }

    private async Task<IActionResult> FormAgainAsync(ManualFormModel form, long? id, bool preview, CancellationToken cancellationToken)
    {
        if (preview && form.Body is { } body && MarkdownLimits.IsTooDeeplyNested(body))
        {
            // The preview shows the text as typed under a notice; the message says why and what to change.
            ModelState.AddModelError(nameof(form.Body), l["Validation.NestingTooDeep", MarkdownLimits.NestingGuide]);
        }

        if (!ModelState.IsValid)
        {
            // The writer's text goes back in the form; the status tells scripts and tests the input was refused.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("Form", await pages.FormAsync(currentUser.Viewer, form, id, preview, cancellationToken));
    }
}
