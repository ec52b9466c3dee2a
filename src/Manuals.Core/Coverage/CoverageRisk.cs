namespace Manuals.Core.Coverage;

/// <summary>How exposed a task is to one person's absence, worst first (DESIGN.md's coverage table).</summary>
public enum CoverageRisk
{
    /// <summary>危険: nobody can do it, or one person can and there is no usable manual.</summary>
    Critical,

    /// <summary>要注意: one person with a usable manual, or a critical task without a usable manual.</summary>
    High,

    /// <summary>注意: two or more people, no usable manual.</summary>
    Medium,

    /// <summary>良好: two or more people and a usable manual.</summary>
    Low,
}
