using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Templates;

/// <summary>Builds the template pages' models: reads the store, parses skeletons, renders Markdown.</summary>
public sealed class TemplatePages(ITemplateStore templates, MarkdownHtml markdown, IStringLocalizer<SharedResource> l)
{
    public async Task<TemplateListPage> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var all = await templates.ListAsync(includeRetired: true, cancellationToken);
        return new TemplateListPage(all.OrderBy(t => t.IsRetired).ToList(), TemplateAccessPolicy.CanCreate(viewer));
    }

    public async Task<Lookup<TemplatePage>> ShowAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var template = await templates.FindAsync(id, cancellationToken);
        if (template is null)
        {
            return Lookups.NotFound<TemplatePage>();
        }

        var html = await markdown.RenderAsync(template.Body, cancellationToken);
        var count = await templates.CountManualsAsync(template.Name, cancellationToken);
        return Lookups.Found(new TemplatePage(
            Choice(template), html, count, TemplateAccessPolicy.CanCreate(viewer), TemplateAccessPolicy.CanChange(viewer, template)));
    }

    public async Task<TemplateChooserPage> ChooseAsync(long? departmentId, CancellationToken cancellationToken)
    {
        var active = await templates.ListAsync(includeRetired: false, cancellationToken);
        return new TemplateChooserPage(active.Select(Choice).ToList(), departmentId);
    }

    public Task<StepTemplate?> FindAsync(long id, CancellationToken cancellationToken) => templates.FindAsync(id, cancellationToken);

    /// <summary>A new form: empty, or a copy of <paramref name="source"/> under a new name.</summary>
    public TemplateFormModel NewForm(StepTemplate? source)
    {
        if (source is null)
        {
            return new TemplateFormModel();
        }

        var form = TemplateFormModel.From(source);
        form.Name = l["Templates.CopyName", source.Name].Value;
        return form;
    }

    /// <summary>The form page; the checkboxes offer the headings of the skeleton as submitted.</summary>
    public static TemplateFormPage Form(TemplateFormModel form, StepTemplate? editing)
    {
        ArgumentNullException.ThrowIfNull(form);
        var body = form.Body ?? "";
        // A skeleton over the limit is refused anyway; it is not worth parsing.
        var headings = body.Length <= TemplateLimits.BodyMaxLength
            ? ManualSections.Parse(body).Select(s => s.Heading).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new TemplateFormPage(form, editing?.Id, editing?.IsBuiltIn == true, headings);
    }

    private static TemplateChoice Choice(StepTemplate template) => new(template, template.ListSections());
}
