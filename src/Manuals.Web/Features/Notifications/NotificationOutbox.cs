using System.Threading.Channels;
using Manuals.Core.Notifications;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// The queue between a request that notified people and <see cref="NotificationDelivery"/>, which sends the e-mail
/// and webhooks after the response. Bounded: when a mail server is down for long, the oldest waiting events are
/// dropped (each is still in the users' in-app list).
/// </summary>
public sealed class NotificationOutbox : INotificationOutbox
{
    private readonly Channel<(IReadOnlyList<long> UserIds, NotificationMessage Message)> _queue =
        Channel.CreateBounded<(IReadOnlyList<long>, NotificationMessage)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<(IReadOnlyList<long> UserIds, NotificationMessage Message)> Reader => _queue.Reader;

    public void Enqueue(IReadOnlyList<long> userIds, NotificationMessage message) => _queue.Writer.TryWrite((userIds, message));
}
