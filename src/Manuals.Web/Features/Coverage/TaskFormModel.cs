using System.ComponentModel.DataAnnotations;
using Manuals.Core.Coverage;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Coverage;

/// <summary>The task create/edit form; what was typed comes back in it when the page is shown again.</summary>
public sealed class TaskFormModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Coverage.Field.Department")]
    public long? DepartmentId { get; set; }

    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(CoverageLimits.TaskNameMaxLength, ErrorMessage = "Coverage.Validation.TaskNameTooLong")]
    [Display(Name = "Coverage.Field.TaskName")]
    public string Name { get; set; } = "";

    [StringLength(CoverageLimits.DescriptionMaxLength, ErrorMessage = "Coverage.Validation.DescriptionTooLong")]
    [Display(Name = "Coverage.Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Coverage.Field.Frequency")]
    public TaskFrequency Frequency { get; set; } = TaskFrequency.Monthly;

    [StringLength(CoverageLimits.TimingMaxLength, ErrorMessage = "Coverage.Validation.TimingTooLong")]
    [Display(Name = "Coverage.Field.Timing")]
    public string? Timing { get; set; }

    [Display(Name = "Coverage.Field.Criticality")]
    public TaskCriticality Criticality { get; set; } = TaskCriticality.Medium;

    public static TaskFormModel From(BusinessTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new()
        {
            DepartmentId = task.DepartmentId,
            Name = task.Name,
            Description = task.Description,
            Frequency = task.Frequency,
            Timing = task.Timing,
            Criticality = task.Criticality,
        };
    }

    public BusinessTask ToTask(long id) => new()
    {
        Id = id,
        DepartmentId = DepartmentId ?? 0,
        Name = Name,
        Description = Description ?? "",
        Frequency = Frequency,
        Timing = Timing ?? "",
        Criticality = Criticality,
    };
}
