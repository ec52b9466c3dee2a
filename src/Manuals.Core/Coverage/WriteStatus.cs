namespace Manuals.Core.Coverage;

/// <summary>What a store write did.</summary>
public enum WriteStatus
{
    Written,
    NotFound,

    /// <summary>The name is already used (by a task of the same department, or by another employee); nothing was written.</summary>
    Duplicate,
}
