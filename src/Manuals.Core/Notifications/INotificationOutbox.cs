namespace Manuals.Core.Notifications;

/// <summary>
/// Where notifications leave the app: e-mail to the users who want that kind by mail, and the department's chat
/// webhook. Delivery happens after the request, so a slow mail server never slows a save; see the web layer.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Queues <paramref name="message"/> for <paramref name="userIds"/> (the ones just notified in the app).</summary>
    void Enqueue(IReadOnlyList<long> userIds, NotificationMessage message);
}
