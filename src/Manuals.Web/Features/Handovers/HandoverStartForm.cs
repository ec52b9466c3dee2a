using System.ComponentModel.DataAnnotations;
using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>The 引継ぎを開始 form.</summary>
public sealed class HandoverStartForm
{
    [Required(ErrorMessage = "Handovers.Validation.EmployeeRequired")]
    [Display(Name = "Handovers.Field.Employee")]
    public long? EmployeeId { get; set; }

    [Display(Name = "Handovers.Field.Reason")]
    public HandoverReason Reason { get; set; } = HandoverReason.Transfer;

    [Required(ErrorMessage = "Handovers.Validation.EffectiveDateRequired")]
    [Display(Name = "Handovers.Field.EffectiveDate")]
    public DateOnly? EffectiveDate { get; set; }

    [Display(Name = "Handovers.Field.Manager")]
    public string? ManagerName { get; set; }

    [Display(Name = "Handovers.Field.Note")]
    public string? Note { get; set; }

    public HandoverStart ToStart() => new(EmployeeId ?? 0, Reason, EffectiveDate ?? default, ManagerName ?? "", Note ?? "");
}
