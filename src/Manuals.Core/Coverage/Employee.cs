namespace Manuals.Core.Coverage;

/// <summary>An employee (担当者) in the skill matrix. Many have no login; <see cref="UserId"/> links one when it exists.</summary>
public sealed class Employee
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long DepartmentId { get; set; }
    public string? Email { get; set; }
    public EmployeeStatus Status { get; set; }

    /// <summary>The day the status takes (or took) effect: the transfer or leaving date. Optional for 在籍.</summary>
    public DateOnly? StatusDate { get; set; }

    /// <summary>The user account of this employee, when they have one.</summary>
    public long? UserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
