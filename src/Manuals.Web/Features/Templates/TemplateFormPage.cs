namespace Manuals.Web.Features.Templates;

/// <summary>The create/edit page: the form, and the skeleton's headings to tick as required.</summary>
/// <param name="Form">What the editor typed.</param>
/// <param name="TemplateId">The template being edited; null when creating.</param>
/// <param name="IsBuiltIn">Whether the template being edited is a built-in one.</param>
/// <param name="Headings">The level-2 headings of the submitted skeleton, each once, in order.</param>
public sealed record TemplateFormPage(TemplateFormModel Form, long? TemplateId, bool IsBuiltIn, IReadOnlyList<string> Headings)
{
    public bool IsChecked(string heading) => Form.RequiredSections.Any(r =>
        Core.Templates.ManualSections.NormalizeHeading(r) == Core.Templates.ManualSections.NormalizeHeading(heading));
}
