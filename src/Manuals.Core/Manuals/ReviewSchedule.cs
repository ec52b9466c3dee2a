namespace Manuals.Core.Manuals;

/// <summary>
/// When a manual is due for review: its interval after the last 「レビュー済みにする」, or after it was created when
/// nobody has reviewed it yet. Only published manuals are reviewed; drafts and archived manuals are never due.
/// </summary>
public static class ReviewSchedule
{
    public const int DefaultIntervalDays = 180;
    public const int MinIntervalDays = 7;
    public const int MaxIntervalDays = 1095;

    /// <summary>Due within this many days counts as 「まもなく期限」 on the home page.</summary>
    public const int DueSoonDays = 30;

    public static DateTimeOffset DueAt(DateTimeOffset createdAt, DateTimeOffset? reviewedAt, int intervalDays) =>
        (reviewedAt ?? createdAt).AddDays(intervalDays);

    public static DateTimeOffset DueAt(ManualSummary manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return DueAt(manual.CreatedAt, manual.ReviewedAt, manual.ReviewIntervalDays);
    }

    public static DateTimeOffset DueAt(Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return DueAt(manual.CreatedAt, manual.ReviewedAt, manual.ReviewIntervalDays);
    }

    /// <summary>The review state of a manual at <paramref name="now"/>.</summary>
    public static ReviewState StateOf(ManualStatus status, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (status != ManualStatus.Published)
        {
            return ReviewState.NotApplicable;
        }

        if (now >= dueAt)
        {
            return ReviewState.Overdue;
        }

        return now >= dueAt.AddDays(-DueSoonDays) ? ReviewState.DueSoon : ReviewState.Current;
    }
}
