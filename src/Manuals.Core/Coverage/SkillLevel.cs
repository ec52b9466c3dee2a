namespace Manuals.Core.Coverage;

/// <summary>How well an employee does a task (習熟度). Level 2 and up counts as capable.</summary>
public enum SkillLevel
{
    /// <summary>0 できない.</summary>
    None = 0,

    /// <summary>1 指導があればできる.</summary>
    WithGuidance = 1,

    /// <summary>2 一人でできる.</summary>
    Independent = 2,

    /// <summary>3 人に教えられる.</summary>
    CanTeach = 3,
}
