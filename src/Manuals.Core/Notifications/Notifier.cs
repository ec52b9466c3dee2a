namespace Manuals.Core.Notifications;

/// <summary>
/// Tells people about an event: a notification in the app for each (once, with a dedupe key), then e-mail and the
/// department's webhook through the outbox. Callers notify after their change is saved; a failure to deliver never
/// undoes it.
/// </summary>
public sealed class Notifier(INotificationStore store, INotificationOutbox outbox, TimeProvider clock)
{
    public async Task NotifyAsync(IReadOnlyCollection<long> userIds, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(message);
        var recipients = userIds.Distinct().ToList();
        var added = recipients.Count == 0 ? [] : await store.AddAsync(recipients, message, clock.GetUtcNow(), cancellationToken);
        if (added.Count > 0 || (message.DepartmentId is not null && message.DedupeKey is null))
        {
            outbox.Enqueue(added, message);
        }
    }
}
