using System.ComponentModel.DataAnnotations;
using Manuals.Core.Common;
using Manuals.Core.Templates;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Templates;

/// <summary>The create/edit form of a template. Everything typed comes back in it when the page is shown again.</summary>
public sealed class TemplateFormModel
{
    [RequiredText(ErrorMessage = "Templates.Validation.NameRequired")]
    [StringLength(TemplateLimits.NameMaxLength, ErrorMessage = "Templates.Validation.NameTooLong")]
    [Display(Name = "Templates.Field.Name")]
    public string Name { get; set; } = "";

    [StringLength(TemplateLimits.DescriptionMaxLength, ErrorMessage = "Templates.Validation.DescriptionTooLong")]
    [Display(Name = "Templates.Field.Description")]
    public string? Description { get; set; }

    [StringLength(TemplateLimits.BodyMaxLength, ErrorMessage = "Templates.Validation.BodyTooLong")]
    [Display(Name = "Templates.Field.Body")]
    public string? Body { get; set; }

    /// <summary>The headings ticked as required.</summary>
    [Display(Name = "Templates.Field.RequiredSections")]
    public IList<string> RequiredSections { get; set; } = [];

    public StepTemplateDraft ToDraft() => new(
        Name,
        Description ?? "",
        Body ?? "",
        RequiredSections.Where(s => !TextInput.IsBlank(s)).ToList());

    public static TemplateFormModel From(StepTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new()
        {
            Name = template.Name,
            Description = template.Description,
            Body = template.Body,
            RequiredSections = template.RequiredSections.ToList(),
        };
    }
}
