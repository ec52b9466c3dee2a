namespace Manuals.Core.Audit;

/// <summary>What an entry is about (<see cref="AuditTarget.Type"/>); stored as is, labelled <c>Audit.Target.&lt;value&gt;</c>.</summary>
public static class AuditTargetType
{
    public const string User = "user";
    public const string Manual = "manual";
    public const string Template = "template";
    public const string Handover = "handover";
    public const string Synonym = "synonym";
    public const string MissedSearch = "missed-search";

    /// <summary>A company group (external sign-in) and the department it maps to.</summary>
    public const string GroupMapping = "group-mapping";

    /// <summary>An imported file or folder; the target name is its name.</summary>
    public const string File = "file";

    /// <summary>A department (部署), its approval route or chat webhook.</summary>
    public const string Department = "department";

    public static IReadOnlyList<string> All { get; } = [User, Manual, Template, Handover, Synonym, MissedSearch, GroupMapping, File, Department];
}
