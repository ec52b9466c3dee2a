namespace Manuals.Core.Handovers;

/// <summary>Who signs a handover off: the predecessor (前任者), the successor (後任者) and the manager (管理者).</summary>
public enum SignOffRole
{
    /// <summary>前任者.</summary>
    Predecessor,

    /// <summary>後任者.</summary>
    Successor,

    /// <summary>管理者.</summary>
    Manager,
}
