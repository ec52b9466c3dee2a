namespace Manuals.Core.Coverage;

/// <summary>An employee who is the only capable person for the listed tasks.</summary>
public sealed record SoleCapable(Employee Employee, IReadOnlyList<BusinessTask> Tasks);
