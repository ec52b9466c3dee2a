namespace Manuals.Core.Notifications;

/// <summary>
/// An outbox that sends nothing beyond the app's own list: for hosts without e-mail or webhooks (the command line, the
/// store tests). The web app replaces it with its delivery queue.
/// </summary>
public sealed class InAppOnlyOutbox : INotificationOutbox
{
    public void Enqueue(IReadOnlyList<long> userIds, NotificationMessage message)
    {
    }
}
