using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>A manual's review standing as pages show it: the due date, the state and the whole days left (negative when overdue).</summary>
public sealed record ReviewStatus(DateTimeOffset DueAt, ReviewState State, int DaysLeft)
{
    public static ReviewStatus Of(ManualStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        new(dueAt, ReviewSchedule.StateOf(status, dueAt, now), (int)Math.Floor((dueAt - now).TotalDays));

    public static ReviewStatus Of(Manual manual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return Of(manual.Status, ReviewSchedule.DueAt(manual), now);
    }

    public static ReviewStatus Of(ManualSummary manual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return Of(manual.Status, ReviewSchedule.DueAt(manual), now);
    }
}
