namespace Manuals.Web.Features.Notifications;

/// <summary>
/// The user's e-mail choices as posted: <c>Mail[kind]=true</c> for each checked kind; a kind left out (an unchecked
/// box) is turned off for e-mail.
/// </summary>
public sealed class MailPreferencesForm
{
    public Dictionary<string, bool> Mail { get; set; } = [];

    /// <summary>The kinds the user turned off, among the known ones (anything else posted is ignored).</summary>
    public IReadOnlyList<string> OptOuts() =>
        Core.Notifications.NotificationKind.All.Where(kind => !Mail.GetValueOrDefault(kind)).ToList();
}
