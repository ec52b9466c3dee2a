namespace Manuals.Core.Coverage;

/// <summary>What search matches and shows of a business task: its name, and its department for who may see it.</summary>
public sealed record BusinessTaskName(long Id, long DepartmentId, string Name);
