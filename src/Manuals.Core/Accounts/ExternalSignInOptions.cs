namespace Manuals.Core.Accounts;

/// <summary>
/// How company sign-in maps a token to this application's access (configuration section <c>Manuals:ExternalSignIn</c>).
/// Which claims carry the roles and groups is each provider's setting (<c>AzureAd:Claims</c>, <c>Oidc:Claims</c>).
/// </summary>
public sealed class ExternalSignInOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Manuals:ExternalSignIn";

    /// <summary>Which values of the <c>roles</c> claim give which role. The highest matched role wins.</summary>
    public ExternalRoleValues RoleValues { get; set; } = new();

    /// <summary>The role of a user whose token carries no recognised role value (<see cref="Roles.Reader"/> by default).</summary>
    public string DefaultRole { get; set; } = Roles.Reader;
}
