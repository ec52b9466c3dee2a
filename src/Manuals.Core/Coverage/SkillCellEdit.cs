namespace Manuals.Core.Coverage;

/// <summary>
/// A requested change of one cell, from the value the editor saw to the value they chose. The from-value is the
/// concurrency check: if the cell changed meanwhile, the edit is refused instead of silently overwriting it.
/// </summary>
public sealed record SkillCellEdit(
    long EmployeeId,
    long TaskId,
    SkillLevel FromLevel,
    AssignmentRole FromRole,
    SkillLevel ToLevel,
    AssignmentRole ToRole)
{
    public bool IsChange => FromLevel != ToLevel || FromRole != ToRole;
}
