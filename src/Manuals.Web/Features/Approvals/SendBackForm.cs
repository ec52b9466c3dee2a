using System.ComponentModel.DataAnnotations;

namespace Manuals.Web.Features.Approvals;

/// <summary>差し戻す: the comment for the writer (required; its length is checked by the service).</summary>
public sealed class SendBackForm
{
    [Display(Name = "Approvals.Comment")]
    public string? Comment { get; set; }
}
