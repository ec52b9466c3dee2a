namespace Manuals.Core.Coverage;

/// <summary>The staffing step that would lower a task's risk.</summary>
public enum PeopleAction
{
    /// <summary>Two or more people can already do it.</summary>
    None,

    /// <summary>Nobody can do it alone: train someone to level 2.</summary>
    TrainSomeone,

    /// <summary>Only one person can: train a backup (副担当).</summary>
    TrainBackup,
}
