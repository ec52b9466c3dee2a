using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Templates;

/// <summary>
/// Step templates: everyone signed in reads them; Editors and Admins create them; Admins, and the Editor who created
/// one, edit, retire and restore it (<see cref="TemplateAccessPolicy"/>; built-ins are Admin-only; never deleted). Also the 「テンプレートから作成」 chooser and the completeness checklist the manual editor asks for.
/// </summary>
[Route("templates")]
public sealed class TemplatesController(
    TemplatePages pages,
    TemplateService service,
    CurrentUser currentUser,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const string ReloadIntent = "reload";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.ListAsync(currentUser.Viewer, cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        this.ViewOr(await pages.ShowAsync(currentUser.Viewer, id, cancellationToken));

    /// <summary>「テンプレートから作成」: cards for the active templates, each opening <c>/manuals/new?template={id}</c>.</summary>
    [HttpGet("choose")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Choose([FromQuery] long? department, CancellationToken cancellationToken) =>
        ModelState.IsValid ? View(await pages.ChooseAsync(department, cancellationToken)) : BadRequest();

    [HttpGet("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> New([FromQuery] long? from, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var source = from is { } id ? await pages.FindAsync(id, cancellationToken) : null;
        if (from is not null && source is null)
        {
            return NotFound();
        }

        return View("Form", TemplatePages.Form(pages.NewForm(source), null));
    }

    [HttpPost("new")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Create(TemplateFormModel form, [FromForm(Name = "intent")] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (intent == ReloadIntent)
        {
            return Reload(form, null);
        }

        if (!ModelState.IsValid)
        {
            return FormAgain(form, null);
        }

        var result = await service.CreateAsync(currentUser.Viewer, form.ToDraft(), cancellationToken);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.TemplateCreated, AuditTarget.Of(AuditTargetType.Template, result.TemplateId, form.Name.Trim()));
            TempData["Flash"] = l["Templates.Created", form.Name.Trim()].Value;
            return RedirectToAction(nameof(Show), new { id = result.TemplateId });
        }

        return AfterFailure(result, form, null);
    }

    [HttpGet("{id:long}/edit")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Edit(long id, CancellationToken cancellationToken)
    {
        var template = await pages.FindAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        return TemplateAccessPolicy.CanChange(currentUser.Viewer, template)
            ? View("Form", TemplatePages.Form(TemplateFormModel.From(template), template))
            : Forbid();
    }

    [HttpPost("{id:long}/edit")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Update(long id, TemplateFormModel form, [FromForm(Name = "intent")] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var template = await pages.FindAsync(id, cancellationToken);
        if (template is null)
        {
            return NotFound();
        }

        if (!TemplateAccessPolicy.CanChange(currentUser.Viewer, template))
        {
            // Even 「見出しを読み直す」: the form is not for this viewer at all.
            return Forbid();
        }

        if (intent == ReloadIntent)
        {
            return Reload(form, template);
        }

        if (!ModelState.IsValid)
        {
            return FormAgain(form, template);
        }

        var result = await service.UpdateAsync(currentUser.Viewer, id, form.ToDraft(), cancellationToken);
        if (result.Succeeded)
        {
            var name = form.Name.Trim();
            await audit.RecordAsync(
                AuditAction.TemplateChanged,
                AuditTarget.Of(AuditTargetType.Template, id, name),
                name == template.Name ? null : $"{template.Name} → {name}");
            TempData["Flash"] = l["Templates.Saved"].Value;
            return RedirectToAction(nameof(Show), new { id });
        }

        return AfterFailure(result, form, template);
    }

    [HttpPost("{id:long}/retire")]
    [Authorize(Policy = Policies.Writer)]
    public Task<IActionResult> Retire(long id, CancellationToken cancellationToken) => SetRetiredAsync(id, retired: true, cancellationToken);

    [HttpPost("{id:long}/restore")]
    [Authorize(Policy = Policies.Writer)]
    public Task<IActionResult> Restore(long id, CancellationToken cancellationToken) => SetRetiredAsync(id, retired: false, cancellationToken);

    /// <summary>
    /// The completeness checklist of a manual body against a template, as an HTML fragment for the editor to show
    /// (fields <c>template</c>: the template name, <c>body</c>: the Markdown).
    /// </summary>
    [HttpPost("completeness")]
    [Authorize(Policy = Policies.Writer)]
    public async Task<IActionResult> Completeness([FromForm] string? template, [FromForm] string? body, CancellationToken cancellationToken)
    {
        if (template is { Length: > ManualLimits.TemplateMaxLength } || body is { Length: > ManualLimits.BodyMaxLength })
        {
            return BadRequest();
        }

        return PartialView("_Completeness", await service.CheckAsync(template, body ?? "", cancellationToken));
    }

    private async Task<IActionResult> SetRetiredAsync(long id, bool retired, CancellationToken cancellationToken)
    {
        switch (await service.SetRetiredAsync(currentUser.Viewer, id, retired, cancellationToken))
        {
            case TemplateSaveOutcome.Saved:
                var template = await pages.FindAsync(id, cancellationToken);
                await audit.RecordAsync(
                    retired ? AuditAction.TemplateRetired : AuditAction.TemplateRestored,
                    AuditTarget.Of(AuditTargetType.Template, id, template?.Name));
                TempData["Flash"] = l[retired ? "Templates.RetiredFlash" : "Templates.RestoredFlash"].Value;
                return RedirectToAction(nameof(Show), new { id });
            case TemplateSaveOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>「見出しを読み直す」: the same form with the checkboxes rebuilt from the skeleton; nothing is checked or saved.</summary>
    private ViewResult Reload(TemplateFormModel form, StepTemplate? template)
    {
        ModelState.Clear();
        return View("Form", TemplatePages.Form(form, template));
    }

    private IActionResult AfterFailure(TemplateSaveResult result, TemplateFormModel form, StepTemplate? template)
    {
        switch (result.Outcome)
        {
            case TemplateSaveOutcome.Forbidden:
                return Forbid();
            case TemplateSaveOutcome.NotFound:
                return NotFound();
            default:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, l[$"Templates.Validation.{error.Code}", error.Detail ?? ""]);
                }

                return FormAgain(form, template);
        }
    }

    private ViewResult FormAgain(TemplateFormModel form, StepTemplate? template)
    {
        // The editor's text goes back in the form; the status tells scripts and tests the input was refused.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", TemplatePages.Form(form, template));
    }
}
