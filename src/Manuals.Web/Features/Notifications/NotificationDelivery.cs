namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Sends what <see cref="NotificationOutbox"/> holds through every <see cref="INotificationChannel"/>, one event at a
/// time; a channel that fails is logged and the others still deliver.
/// </summary>
public sealed partial class NotificationDelivery(
    NotificationOutbox outbox, IEnumerable<INotificationChannel> channels, ILogger<NotificationDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (userIds, message) in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var channel in channels)
            {
                try
                {
                    await channel.DeliverAsync(userIds, message, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, channel.GetType().Name, message.Kind);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} could not deliver {Kind}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel, string kind);
}
