namespace Manuals.Web.Features.Accounts;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Admins only: user management.</summary>
    public const string Admin = "Admin";

    /// <summary>Editors and Admins: creating manuals.</summary>
    public const string Writer = "Writer";
}
