namespace Manuals.Core.Manuals;

/// <summary>
/// How a line differs between the old and the new version of a text.
/// </summary>
public enum DiffLineKind
{
    /// <summary>The line is the same in both versions.</summary>
    Unchanged,

    /// <summary>The line exists only in the new version.</summary>
    Added,

    /// <summary>The line exists only in the old version.</summary>
    Removed,

    /// <summary>An old line was replaced by a new line; character-level segments show what changed.</summary>
    Modified,
}
