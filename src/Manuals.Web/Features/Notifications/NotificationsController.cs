using Manuals.Core.Notifications;
using Manuals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// The signed-in user's notifications (the bell): the newest first; opening one marks it read and goes where it leads;
/// 「すべて既読にする」. Only one's own.
/// </summary>
[Route("notifications")]
public sealed class NotificationsController(INotificationStore store, CurrentUser currentUser, TimeProvider clock) : Controller
{
    /// <summary>How many the list shows.</summary>
    public const int Shown = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await store.ListAsync(currentUser.Viewer.UserId, Shown, cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var notification = await store.OpenAsync(currentUser.Viewer.UserId, id, clock.GetUtcNow(), cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        // Only a path inside the app: never another site.
        return Url.IsLocalUrl(notification.Url) ? LocalRedirect(notification.Url) : Redirect("/notifications");
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await store.MarkAllReadAsync(currentUser.Viewer.UserId, clock.GetUtcNow(), cancellationToken);
        return Redirect("/notifications");
    }
}
