using System.ComponentModel.DataAnnotations;

namespace Manuals.Web.Features.Handovers;

/// <summary>Why a completed handover is opened again.</summary>
public sealed class HandoverReopenForm
{
    [Display(Name = "Handovers.Field.ReopenReason")]
    public string? Reason { get; set; }
}
