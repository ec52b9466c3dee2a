namespace Manuals.Core.Accounts;

/// <summary>The three fixed roles. Editors write manuals; Admins manage users and see everything.</summary>
public static class Roles
{
    public const string Reader = "Reader";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>Roles in ascending order of rights.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
