namespace Manuals.Core.Manuals;

/// <summary>Who changed a field since the common base, and so which value the merge proposes.</summary>
public enum FieldMergeKind
{
    /// <summary>Nobody changed it.</summary>
    Unchanged,

    /// <summary>Both changed it to the same value.</summary>
    Same,

    /// <summary>Only the writer changed it: the writer's value.</summary>
    Mine,

    /// <summary>Only the other save changed it: its value is kept, never silently undone.</summary>
    Theirs,

    /// <summary>Both changed the body in different places: the changes are combined.</summary>
    Merged,

    /// <summary>
    /// Both changed it differently, or the base is not known: the writer's value is proposed, beside theirs, for the
    /// writer to decide.
    /// </summary>
    Conflict,
}
