namespace Manuals.Core.Coverage;

/// <summary>A recorded change of a matrix cell: who changed it, when, from what to what.</summary>
public sealed class SkillChange
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public string EmployeeName { get; set; } = "";
    public long TaskId { get; set; }
    public string TaskName { get; set; } = "";
    public long DepartmentId { get; set; }
    public SkillLevel FromLevel { get; set; }
    public AssignmentRole FromRole { get; set; }
    public SkillLevel ToLevel { get; set; }
    public AssignmentRole ToRole { get; set; }

    /// <summary>The user who made the change; null when it came from an import at start-up.</summary>
    public long? ChangedById { get; set; }

    public string ChangedByName { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}
