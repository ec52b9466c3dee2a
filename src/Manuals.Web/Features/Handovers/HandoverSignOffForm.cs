using System.ComponentModel.DataAnnotations;
using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>Signs one box (role and, for the predecessor and successors, whose box) on the day given.</summary>
public sealed class HandoverSignOffForm
{
    public SignOffRole Role { get; set; }

    public long EmployeeId { get; set; }

    [Required(ErrorMessage = "Handovers.Validation.SignedOnRequired")]
    [Display(Name = "Handovers.Field.SignedOn")]
    public DateOnly? SignedOn { get; set; }
}
