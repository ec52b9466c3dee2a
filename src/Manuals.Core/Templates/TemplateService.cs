using Manuals.Core.Accounts;

namespace Manuals.Core.Templates;

/// <summary>
/// Creating step templates (Editors and Admins), changing and retiring them (as <see cref="TemplateAccessPolicy"/>
/// allows), and the questions other features ask of templates: which one a new manual starts from, and how complete a
/// manual is.
/// </summary>
public sealed class TemplateService(ITemplateStore templates, TimeProvider clock)
{
    /// <summary>Creates a template after checking the rules; a taken name is <see cref="TemplateSaveOutcome.NameTaken"/>.</summary>
    public async Task<TemplateSaveResult> CreateAsync(Viewer viewer, StepTemplateDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(draft);
        if (!TemplateAccessPolicy.CanCreate(viewer))
        {
            return TemplateSaveResult.Failed(TemplateSaveOutcome.Forbidden);
        }

        var errors = StepTemplateValidator.Validate(draft);
        return errors.Count > 0
            ? TemplateSaveResult.Invalid(errors)
            : await templates.CreateAsync(StepTemplateValidator.Normalize(draft), viewer.UserId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Changes a template the viewer may change (<see cref="TemplateAccessPolicy.CanChange"/>), else
    /// <see cref="TemplateSaveOutcome.Forbidden"/> before the draft is even checked. A rename carries the manuals that
    /// follow it along (see <see cref="ITemplateStore.UpdateAsync"/>).
    /// </summary>
    public async Task<TemplateSaveResult> UpdateAsync(Viewer viewer, long id, StepTemplateDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(draft);
        var access = await AccessAsync(viewer, id, cancellationToken);
        if (access != TemplateSaveOutcome.Saved)
        {
            return TemplateSaveResult.Failed(access, id);
        }

        var errors = StepTemplateValidator.Validate(draft);
        return errors.Count > 0
            ? TemplateSaveResult.Invalid(errors, id)
            : await templates.UpdateAsync(id, StepTemplateValidator.Normalize(draft), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Retires (<paramref name="retired"/> true) or restores a template the viewer may change, else
    /// <see cref="TemplateSaveOutcome.Forbidden"/>. Templates are never deleted, and retiring one leaves the manuals that
    /// follow it as they are (they are still checked against it).
    /// </summary>
    public async Task<TemplateSaveOutcome> SetRetiredAsync(Viewer viewer, long id, bool retired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var access = await AccessAsync(viewer, id, cancellationToken);
        if (access != TemplateSaveOutcome.Saved)
        {
            return access;
        }

        return await templates.SetRetiredAsync(id, retired, clock.GetUtcNow(), cancellationToken)
            ? TemplateSaveOutcome.Saved
            : TemplateSaveOutcome.NotFound;
    }

    /// <summary>Whether the viewer may change the template: <see cref="TemplateSaveOutcome.Saved"/> when so, else why not.</summary>
    /// <remarks>
    /// Reading the template before writing is enough: the two facts the rule rests on, <see cref="StepTemplate.IsBuiltIn"/>
    /// and <see cref="StepTemplate.CreatedByUserId"/>, never change after the template is created.
    /// </remarks>
    private async Task<TemplateSaveOutcome> AccessAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        if (!viewer.IsWriter)
        {
            // Readers learn nothing about which ids exist.
            return TemplateSaveOutcome.Forbidden;
        }

        var template = await templates.FindAsync(id, cancellationToken);
        if (template is null)
        {
            return TemplateSaveOutcome.NotFound;
        }

        return TemplateAccessPolicy.CanChange(viewer, template) ? TemplateSaveOutcome.Saved : TemplateSaveOutcome.Forbidden;
    }

    /// <summary>
    /// The template a new manual may start from (<c>/manuals/new?template={id}</c>): null when the id is unknown or the
    /// template is retired. Prefill the body with <see cref="StepTemplate.Body"/> and the manual's template field with
    /// <see cref="StepTemplate.Name"/>.
    /// </summary>
    public async Task<StepTemplate?> FindActiveAsync(long id, CancellationToken cancellationToken)
    {
        var template = await templates.FindAsync(id, cancellationToken);
        return template is { IsRetired: false } ? template : null;
    }

    /// <summary>Templates writers can choose from (not retired), in display order.</summary>
    public Task<IReadOnlyList<StepTemplate>> ListActiveAsync(CancellationToken cancellationToken) =>
        templates.ListAsync(includeRetired: false, cancellationToken);

    /// <summary>The template named <paramref name="templateName"/> (a manual's template field), retired or not; null for none.</summary>
    public async Task<StepTemplate?> FindByNameAsync(string? templateName, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(templateName) ? null : await templates.FindByNameAsync(templateName, cancellationToken);

    /// <summary>
    /// How complete <paramref name="body"/> is against the template named <paramref name="templateName"/> (a manual's
    /// template field). No name, or a name no template has, gives the empty, complete report. Retired templates still count.
    /// </summary>
    public async Task<CompletenessReport> CheckAsync(string? templateName, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TemplateCompleteness.Check(await FindByNameAsync(templateName, cancellationToken), body);
    }
}
