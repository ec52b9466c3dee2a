namespace Manuals.Core.Handovers;

/// <summary>Why a task is on the checklist: the employee is its 主担当, its only capable person, or both.</summary>
[Flags]
public enum HandoverItemBasis
{
    None = 0,

    /// <summary>The employee is 主担当.</summary>
    Primary = 1,

    /// <summary>Nobody else can do it (level 2 or more).</summary>
    OnlyCapable = 2,
}
