namespace Manuals.Core.Coverage;

/// <summary>Who is responsible for a task (担当区分). The role is informational: coverage counts skill, not titles.</summary>
public enum AssignmentRole
{
    /// <summary>No assignment.</summary>
    None,

    /// <summary>主担当.</summary>
    Primary,

    /// <summary>副担当.</summary>
    Backup,
}
