namespace Manuals.Core.Coverage;

/// <summary>The smallest step that would give a task a usable manual.</summary>
public enum ManualAction
{
    /// <summary>A usable manual exists.</summary>
    None,

    /// <summary>Review a published manual that is past its review date.</summary>
    Review,

    /// <summary>Fill the required sections of a manual that leaves some empty.</summary>
    Complete,

    /// <summary>Publish a draft.</summary>
    Publish,

    /// <summary>Write a manual and link it (none is linked, or only archived ones).</summary>
    Write,
}
