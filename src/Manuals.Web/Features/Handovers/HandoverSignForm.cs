using System.ComponentModel.DataAnnotations;
using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>Records one sign-off: role, the signer's name and the day they signed.</summary>
public sealed class HandoverSignForm
{
    public SignOffRole Role { get; set; }

    [Display(Name = "Handovers.Field.SignerName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Handovers.Validation.SignedOnRequired")]
    [Display(Name = "Handovers.Field.SignedOn")]
    public DateOnly? SignedOn { get; set; }
}
