using System.ComponentModel.DataAnnotations;
using Manuals.Core.Accounts;
using Manuals.Web.Features.Accounts;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Admin;

/// <summary>Create or change a user. <see cref="Password"/> is used only when creating.</summary>
public sealed class UserFormModel
{
    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.UserNameMaxLength, ErrorMessage = "Validation.UserNameTooLong")]
    [RegularExpression(AccountRules.UserNamePattern, ErrorMessage = "Validation.UserNameCharacters")]
    [Display(Name = "Account.Field.UserName")]
    public string UserName { get; set; } = "";

    [RequiredText(ErrorMessage = "Validation.Required")]
    [StringLength(AccountRules.DisplayNameMaxLength, ErrorMessage = "Validation.DisplayNameTooLong")]
    [Display(Name = "Account.Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(254, ErrorMessage = "Validation.EmailInvalid")]
    [Display(Name = "Account.Field.Email")]
    public string? Email { get; set; }

    [StringLength(AccountRules.MaximumPasswordLength, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Field.InitialPassword")]
    public string? Password { get; set; }

    [RequiredText(ErrorMessage = "Validation.Required")]
    [Display(Name = "Account.Field.Role")]
    public string Role { get; set; } = Roles.Reader;

    public IList<long> DepartmentIds { get; set; } = [];

    public bool IsDisabled { get; set; }

    /// <summary>
    /// For a company account: the role and departments below are set by hand and the directory no longer changes them
    /// at sign-in (「手動設定」). Unchecked, they follow the directory and the form's role and departments are ignored.
    /// </summary>
    public bool AccessOverridden { get; set; }
}
