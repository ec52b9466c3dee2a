using System.ComponentModel.DataAnnotations;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Admin;

/// <summary>A new directory group → department mapping, as typed by an admin.</summary>
public sealed class DirectoryGroupForm
{
    public const int GroupIdMaxLength = 200;
    public const int LabelMaxLength = 100;

    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(GroupIdMaxLength, ErrorMessage = "Admin.DirectoryGroups.Errors.GroupIdTooLong")]
    [Display(Name = "Admin.DirectoryGroups.GroupId")]
    public string GroupId { get; set; } = "";

    [StringLength(LabelMaxLength, ErrorMessage = "Admin.DirectoryGroups.Errors.LabelTooLong")]
    [Display(Name = "Admin.DirectoryGroups.Label")]
    public string? Label { get; set; }

    [Display(Name = "Admin.DirectoryGroups.Department")]
    public long DepartmentId { get; set; }
}
