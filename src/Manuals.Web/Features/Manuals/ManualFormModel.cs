using System.ComponentModel.DataAnnotations;
using Manuals.Core.Manuals;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Manuals;

/// <summary>The create/edit form. Everything the writer typed comes back in it when the page is shown again.</summary>
public sealed class ManualFormModel
{
    [RequiredText(ErrorMessage = "Validation.Required")]
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

    /// <summary>重要な変更: those who must read the manual are asked to confirm the new revision.</summary>
    public bool MaterialChange { get; set; }

    /// <summary>
    /// How the body is edited: <see cref="EditorModes.Steps"/> (the step editor's fields, <see cref="Editor"/>) or
    /// <see cref="EditorModes.Markdown"/> (<see cref="Body"/> as text). A form that does not say is Markdown.
    /// </summary>
    public string? EditorMode { get; set; }

    /// <summary>The step editor's fields; when <see cref="EditorMode"/> is the step editor, they make <see cref="Body"/>.</summary>
    public StepEditorForm Editor { get; set; } = new();

    public bool IsStepEditor => EditorMode == EditorModes.Steps;

    /// <summary>The revision the writer started from; a save on top of an older one becomes a conflict.</summary>
    public int BaseRevision { get; set; }

    // The settings as they were at BaseRevision (a revision records only its title and body), so that a conflict can
    // tell the other save's change of 公開範囲 or 部署 from the writer's and keep it.
    public long? BaseDepartmentId { get; set; }

    public ManualVisibility? BaseVisibility { get; set; }

    public ManualStatus? BaseStatus { get; set; }

    [StringLength(ManualLimits.TemplateMaxLength, ErrorMessage = "Validation.TemplateTooLong")]
    public string? BaseTemplate { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.TagTooLong")]
    public string? BaseTags { get; set; }

    public ManualDraft ToDraft() => new(
        Title.Trim(),
        DepartmentId ?? 0,
        Visibility,
        Status,
        string.IsNullOrWhiteSpace(Template) ? null : Template.Trim(),
        ManualDraftValidator.ParseTags(Tags),
        (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
        (ChangeNote ?? "").Trim())
    {
        MaterialChange = MaterialChange,
    };

    /// <summary>The settings the writer started from, or null when the form did not carry them (an older page).</summary>
    public ManualBaseline? ToBaseline() =>
        BaseDepartmentId is { } department && BaseVisibility is { } visibility && BaseStatus is { } status
            ? new ManualBaseline(
                department,
                visibility,
                status,
                string.IsNullOrWhiteSpace(BaseTemplate) ? null : BaseTemplate.Trim(),
                ManualDraftValidator.ParseTags(BaseTags))
            : null;

    public static ManualFormModel From(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        var form = From(ManualContent.From(manual), "");
        form.StartFrom(manual);
        return form;
    }

    /// <summary>A form holding <paramref name="content"/>, e.g. the merge proposal of a conflict.</summary>
    public static ManualFormModel From(ManualContent content, string changeNote)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new()
        {
            Title = content.Title,
            DepartmentId = content.DepartmentId,
            Visibility = content.Visibility,
            Status = content.Status,
            Template = content.Template,
            Tags = string.Join("、", content.Tags),
            Body = content.Body,
            ChangeNote = changeNote,
        };
    }

    /// <summary>Makes <paramref name="manual"/>'s current revision the base the form is written on.</summary>
    public void StartFrom(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        BaseRevision = manual.RevisionNumber;
        BaseDepartmentId = manual.DepartmentId;
        BaseVisibility = manual.Visibility;
        BaseStatus = manual.Status;
        BaseTemplate = manual.Template;
        BaseTags = string.Join("、", manual.Tags);
    }
}
