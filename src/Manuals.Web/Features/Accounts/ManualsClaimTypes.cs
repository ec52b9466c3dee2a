namespace Manuals.Web.Features.Accounts;

/// <summary>Claims Manuals adds to the sign-in cookie besides id, name and roles.</summary>
public static class ManualsClaimTypes
{
    public const string DisplayName = "manuals:display_name";
    public const string Department = "manuals:department";

    /// <summary>Present while the user still has a password an admin set (<see cref="MustChangePasswordMiddleware"/>).</summary>
    public const string MustChangePassword = "manuals:must_change_password";

    /// <summary>Present for a user with no password here, who signs in only through the company's provider.</summary>
    public const string CompanyAccount = "manuals:company_account";
}
