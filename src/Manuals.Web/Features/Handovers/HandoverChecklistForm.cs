using System.ComponentModel.DataAnnotations;
using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>The whole checklist as one form: header fields, rows, common items, a task to add, and the version it was loaded at.</summary>
public sealed class HandoverChecklistForm
{
    public int Version { get; set; }

    [Display(Name = "Handovers.Field.Reason")]
    public HandoverReason Reason { get; set; }

    [Required(ErrorMessage = "Handovers.Validation.EffectiveDateRequired")]
    [Display(Name = "Handovers.Field.EffectiveDate")]
    public DateOnly? EffectiveDate { get; set; }

    [Display(Name = "Handovers.Field.Manager")]
    public string? ManagerName { get; set; }

    [Display(Name = "Handovers.Field.Note")]
    public string? Note { get; set; }

    public List<HandoverItemForm> Items { get; set; } = [];
    public List<HandoverCommonForm> CommonItems { get; set; } = [];

    [Display(Name = "Handovers.Field.AddTask")]
    public long? AddTaskId { get; set; }

    public static HandoverChecklistForm From(Handover handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        return new()
        {
            Version = handover.Version,
            Reason = handover.Reason,
            EffectiveDate = handover.EffectiveDate,
            ManagerName = handover.ManagerName,
            Note = handover.Note,
            Items = handover.Items.Select(HandoverItemForm.From).ToList(),
            CommonItems = handover.CommonItems.Select(HandoverCommonForm.From).ToList(),
        };
    }

    public HandoverEdit ToEdit() => new(
        Version,
        Reason,
        EffectiveDate ?? default,
        ManagerName ?? "",
        Note ?? "",
        Items.Select(i => i.ToEdit()).ToList(),
        CommonItems.Select(c => c.ToItem()).ToList(),
        AddTaskId);
}
