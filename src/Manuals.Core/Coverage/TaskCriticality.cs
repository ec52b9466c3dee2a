namespace Manuals.Core.Coverage;

/// <summary>How much it hurts when a task is not done (重要度 高・中・低). Only <see cref="High"/> changes the coverage verdict.</summary>
public enum TaskCriticality
{
    /// <summary>高: a stall hurts the company (payroll, closing, filings).</summary>
    High,

    /// <summary>中.</summary>
    Medium,

    /// <summary>低.</summary>
    Low,
}
