namespace Manuals.Core.Notifications;

/// <summary>Each user's notifications (in-app) and which kinds they do not want by e-mail.</summary>
public interface INotificationStore
{
    /// <summary>
    /// Adds the notification for each user; with a dedupe key, users who already have it are left out.
    /// </summary>
    /// <returns>The users it was added for (those to send it to by e-mail too).</returns>
    Task<IReadOnlyList<long>> AddAsync(
        IReadOnlyCollection<long> userIds, NotificationMessage message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The user's newest notifications first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Notification>> ListAsync(long userId, int limit, CancellationToken cancellationToken);

    Task<int> CountUnreadAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Marks one of the user's notifications read and returns it; null when it is not theirs.</summary>
    Task<Notification?> OpenAsync(long userId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkAllReadAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The kinds the user has turned off for e-mail (every kind is on until they do).</summary>
    Task<IReadOnlySet<string>> MailOptOutsAsync(long userId, CancellationToken cancellationToken);

    Task SetMailOptOutsAsync(long userId, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken);
}
