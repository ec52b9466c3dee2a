using System.ComponentModel.DataAnnotations;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Accounts;

/// <summary>The sign-in form.</summary>
public sealed class SignInModel
{
    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.UserNameMaxLength, ErrorMessage = "Validation.UserNameTooLong")]
    [Display(Name = "Account.Field.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.MaximumPasswordLength, ErrorMessage = "Validation.PasswordTooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Field.Password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
