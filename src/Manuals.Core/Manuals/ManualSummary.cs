namespace Manuals.Core.Manuals;

/// <summary>A manual as lists show it, without its text.</summary>
public sealed class ManualSummary
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public long DepartmentId { get; set; }
    public ManualVisibility Visibility { get; set; }
    public ManualStatus Status { get; set; }

    /// <summary>The step template the manual follows (テンプレート), or null.</summary>
    public string? Template { get; set; }
    public long? OwnerId { get; set; }
    public int RevisionNumber { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? OwnerName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int ReviewIntervalDays { get; set; } = ReviewSchedule.DefaultIntervalDays;
    public DateTimeOffset? ReviewedAt { get; set; }
}
