using System.Globalization;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;

namespace Manuals.Core.Notifications;

/// <summary>
/// The notifications nobody's click sends: reminders of required reading due tomorrow or overdue (once per due date
/// and required revision), and each owner's weekly review digest (once per ISO week: manuals due for review within
/// <see cref="ReviewSchedule.DueSoonDays"/> days and overdue, in one notification rather than one per manual). Safe to
/// run as often as wanted and on every node: the dedupe keys make each reach a person once.
/// </summary>
public sealed class ScheduledNotifications(IRequiredReadingStore reading, IManualStore manuals, Notifier notifier)
{
    /// <param name="today">Today in the company's time zone.</param>
    /// <param name="now">Now, for review due dates.</param>
    public async Task RunAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await RemindReadingAsync(today, cancellationToken);
        await SendReviewDigestsAsync(now, cancellationToken);
    }

    private async Task RemindReadingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = (await reading.ListDueAsync(today.AddDays(1), cancellationToken)).Where(r => r.State != ReadingState.Confirmed);
        foreach (var group in open.GroupBy(r => (r.ManualId, r.DueOn, r.RequiredRevision)))
        {
            if (await manuals.FindAsync(group.Key.ManualId, cancellationToken) is not { Status: ManualStatus.Published } manual)
            {
                continue;
            }

            var day = group.Key.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await notifier.NotifyAsync(
                group.Select(r => r.UserId).ToList(),
                new NotificationMessage(
                    NotificationKind.ReadingDue,
                    [manual.Title, day],
                    $"/manuals/{manual.Id}",
                    $"reading-due:{manual.Id}:{day}:{group.Key.RequiredRevision}"),
                cancellationToken);
        }
    }

    private async Task SendReviewDigestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var week = $"{ISOWeek.GetYear(now.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(now.UtcDateTime):D2}";
        var owned = (await manuals.ListAsync(null, cancellationToken))
            .Where(m => m.OwnerId is not null)
            .Select(m => (Owner: m.OwnerId!.Value, State: ReviewSchedule.StateOf(m.Status, ReviewSchedule.DueAt(m), now)))
            .Where(m => m.State is ReviewState.DueSoon or ReviewState.Overdue);
        foreach (var owner in owned.GroupBy(m => m.Owner))
        {
            var dueSoon = owner.Count(m => m.State == ReviewState.DueSoon).ToString(CultureInfo.InvariantCulture);
            var overdue = owner.Count(m => m.State == ReviewState.Overdue).ToString(CultureInfo.InvariantCulture);
            await notifier.NotifyAsync(
                [owner.Key],
                new NotificationMessage(NotificationKind.ReviewDigest, [dueSoon, overdue], "/#due-heading", $"review-digest:{week}"),
                cancellationToken);
        }
    }
}
