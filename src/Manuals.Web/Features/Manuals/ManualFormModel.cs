using System.ComponentModel.DataAnnotations;
using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>The create/edit form. Everything the writer typed comes back in it when the page is shown again.</summary>
public sealed class ManualFormModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ManualLimits.TitleMaxLength, ErrorMessage = "Validation.TitleTooLong")]
    [Display(Name = "Manuals.Field.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Manuals.Field.Department")]
    public long? DepartmentId { get; set; }

    [Display(Name = "Manuals.Field.Visibility")]
    public ManualVisibility Visibility { get; set; } = ManualVisibility.Company;

    [Display(Name = "Manuals.Field.Status")]
    public ManualStatus Status { get; set; } = ManualStatus.Draft;

    [StringLength(ManualLimits.TemplateMaxLength, ErrorMessage = "Validation.TemplateTooLong")]
    [Display(Name = "Manuals.Field.Template")]
    public string? Template { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.TagTooLong")]
    [Display(Name = "Manuals.Field.Tags")]
    public string? Tags { get; set; }

    [StringLength(ManualLimits.BodyMaxLength, ErrorMessage = "Validation.BodyTooLong")]
    [Display(Name = "Manuals.Field.Body")]
    public string? Body { get; set; }

    [StringLength(ManualLimits.ChangeNoteMaxLength, ErrorMessage = "Validation.ChangeNoteTooLong")]
    [Display(Name = "Manuals.Field.ChangeNote")]
    public string? ChangeNote { get; set; }

    /// <summary>The revision the writer started from; a save on top of an older one becomes a conflict.</summary>
    public int BaseRevision { get; set; }

    public ManualDraft ToDraft() => new(
        Title.Trim(),
        DepartmentId ?? 0,
        Visibility,
        Status,
        string.IsNullOrWhiteSpace(Template) ? null : Template.Trim(),
        ManualDraftValidator.ParseTags(Tags),
        (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
        (ChangeNote ?? "").Trim());

    public static ManualFormModel From(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return new()
        {
            Title = manual.Title,
            DepartmentId = manual.DepartmentId,
            Visibility = manual.Visibility,
            Status = manual.Status,
            Template = manual.Template,
            Tags = string.Join("、", manual.Tags),
            Body = manual.Body,
            BaseRevision = manual.RevisionNumber,
        };
    }
}
