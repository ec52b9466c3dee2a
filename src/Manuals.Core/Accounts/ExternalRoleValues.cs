namespace Manuals.Core.Accounts;

/// <summary>
/// The <c>roles</c> claim values for each role, compared case-insensitively. A list left unset keeps its default
/// (<c>Manuals.Reader</c>, <c>Manuals.Editor</c>, <c>Manuals.Admin</c>, the app roles to define in Entra ID); a configured
/// list replaces it.
/// </summary>
public sealed class ExternalRoleValues
{
    public IList<string>? Reader { get; set; }

    public IList<string>? Editor { get; set; }

    public IList<string>? Admin { get; set; }

    /// <summary>The claim values that give <paramref name="role"/> (one of <see cref="Roles.All"/>).</summary>
    public IReadOnlyList<string> For(string role) => role switch
    {
        Roles.Admin => Admin?.ToList() ?? ["Manuals.Admin"],
        Roles.Editor => Editor?.ToList() ?? ["Manuals.Editor"],
        Roles.Reader => Reader?.ToList() ?? ["Manuals.Reader"],
        _ => [],
    };
}
