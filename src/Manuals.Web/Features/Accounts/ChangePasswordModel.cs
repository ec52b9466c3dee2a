using System.ComponentModel.DataAnnotations;

namespace Manuals.Web.Features.Accounts;

/// <summary>A signed-in user changing their own password.</summary>
public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.MaximumPasswordLength, ErrorMessage = "Validation.PasswordTooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.MaximumPasswordLength, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Field.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
