using Manuals.Core.Notifications;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Notifications;

/// <summary>The header's bell: how many of the signed-in user's notifications are unread (one indexed count per page).</summary>
public sealed class NotificationBell(INotificationStore store, CurrentUser currentUser)
{
    public async Task<int> UnreadAsync(CancellationToken cancellationToken) =>
        currentUser.IsSignedIn && currentUser.Viewer.UserId > 0 ? await store.CountUnreadAsync(currentUser.Viewer.UserId, cancellationToken) : 0;
}
