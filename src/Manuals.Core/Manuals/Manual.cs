namespace Manuals.Core.Manuals;

/// <summary>A procedure manual with the text of its current revision.</summary>
public sealed class Manual
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public long DepartmentId { get; set; }
    public ManualVisibility Visibility { get; set; }
    public ManualStatus Status { get; set; }

    /// <summary>Name of the step template the manual follows, if any.</summary>
    public string? Template { get; set; }

    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }

    /// <summary>Number of the current revision; the optimistic-concurrency token for edits.</summary>
    public int RevisionNumber { get; set; }

    /// <summary>Markdown source of the current revision.</summary>
    public string Body { get; set; } = "";

    public IReadOnlyList<string> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Days between reviews (default 180).</summary>
    public int ReviewIntervalDays { get; set; } = ReviewSchedule.DefaultIntervalDays;

    /// <summary>When someone last confirmed the manual is still right (レビュー済み), if ever.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    public long? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
}
