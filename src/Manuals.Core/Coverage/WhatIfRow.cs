namespace Manuals.Core.Coverage;

/// <summary>One task whose capable people shrink when the chosen employees are gone: its coverage before and after.</summary>
public sealed record WhatIfRow(TaskCoverage Before, TaskCoverage After)
{
    public BusinessTask Task => Before.Task;

    /// <summary>After the departure nobody, or only one person, can do it.</summary>
    public bool DropsToOneOrNone => After.CapableCount <= 1;

    public bool RiskChanged => Before.Risk != After.Risk;
}
