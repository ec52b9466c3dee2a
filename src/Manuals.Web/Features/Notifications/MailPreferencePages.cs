using Manuals.Core.Accounts;
using Manuals.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Notifications;

/// <summary>Reads and saves one user's e-mail choices for the settings page (<c>/account/notifications</c>).</summary>
public sealed class MailPreferencePages(
    INotificationStore store, IAccountDirectory directory, NotificationText text, IOptionsMonitor<NotificationSettings> settings)
{
    public async Task<MailPreferencesView> ViewAsync(long userId, CancellationToken cancellationToken)
    {
        var optOuts = await store.MailOptOutsAsync(userId, cancellationToken);
        var user = await directory.FindAsync(userId, cancellationToken);
        var kinds = NotificationKind.All.Select(k => new MailKindChoice(k, text.KindName(k), !optOuts.Contains(k))).ToList();
        return new MailPreferencesView(kinds, settings.CurrentValue.Mail.Enabled, string.IsNullOrWhiteSpace(user?.Email) ? null : user.Email);
    }

    public Task SaveAsync(long userId, MailPreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return store.SetMailOptOutsAsync(userId, form.OptOuts(), cancellationToken);
    }
}
