namespace Manuals.Core.Coverage;

/// <summary>Which row of the coverage table applied, finer than <see cref="CoverageRisk"/> so the UI can say why in one sentence.</summary>
public enum CoverageVerdict
{
    /// <summary>Critical: nobody can do it and no usable manual.</summary>
    NobodyCapableNoManual,

    /// <summary>Critical: nobody can do it, though a usable manual exists.</summary>
    NobodyCapable,

    /// <summary>Critical: one person and no usable manual.</summary>
    OnlyOneCapableNoManual,

    /// <summary>High: one person with a usable manual.</summary>
    OnlyOneCapable,

    /// <summary>High: two or more people, a critical task, no usable manual.</summary>
    CriticalTaskNoManual,

    /// <summary>Medium: two or more people, no usable manual.</summary>
    NoManual,

    /// <summary>Low: two or more people and a usable manual.</summary>
    Covered,
}
