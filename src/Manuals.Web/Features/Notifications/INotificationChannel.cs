using Manuals.Core.Notifications;

namespace Manuals.Web.Features.Notifications;

/// <summary>One way notifications leave the app (e-mail, a department's chat webhook), called by <see cref="NotificationDelivery"/>.</summary>
public interface INotificationChannel
{
    /// <summary>Delivers one event to the users just notified in the app (and, for a webhook, to their department).</summary>
    Task DeliverAsync(IReadOnlyList<long> userIds, NotificationMessage message, CancellationToken cancellationToken);
}
