namespace Manuals.Core.Coverage;

/// <summary>One cell of the skill matrix (星取表): an employee's level and role on a task. A missing cell is level 0, no role.</summary>
public sealed record SkillCell(long EmployeeId, long TaskId, SkillLevel Level, AssignmentRole Role)
{
    public bool IsEmpty => Level == SkillLevel.None && Role == AssignmentRole.None;
}
