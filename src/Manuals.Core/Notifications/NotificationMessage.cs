namespace Manuals.Core.Notifications;

/// <summary>
/// One event to tell people about: its <see cref="NotificationKind"/>, the values its wording needs, where it leads
/// in the app, and optionally the department whose chat channel (Teams/Slack webhook) hears of it too.
/// </summary>
/// <param name="Kind">A <see cref="NotificationKind"/> constant.</param>
/// <param name="Args">The values the wording names (a manual's title, a date), as text.</param>
/// <param name="Url">The app-relative page it opens, e.g. <c>/manuals/12</c>.</param>
/// <param name="DedupeKey">
/// When set, a user gets this notification once only (a daily reminder that runs again, a weekly digest on a restart).
/// </param>
/// <param name="DepartmentId">The department whose webhook is posted to, once per event; null for none.</param>
public sealed record NotificationMessage(
    string Kind, IReadOnlyList<string> Args, string Url, string? DedupeKey = null, long? DepartmentId = null);
