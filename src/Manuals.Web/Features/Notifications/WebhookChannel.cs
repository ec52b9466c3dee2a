using Manuals.Core.Notifications;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// Posts an event with a <see cref="NotificationMessage.DepartmentId"/> to that department's Teams or Slack webhook,
/// once per event whoever it reached, in Japanese with an absolute link to the page.
/// </summary>
public sealed class WebhookChannel(
    IServiceScopeFactory scopes, IDepartmentWebhookStore webhooks, WebhookSender sender, IOptionsMonitor<NotificationSettings> settings)
    : INotificationChannel
{
    public async Task DeliverAsync(IReadOnlyList<long> userIds, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DepartmentId is not { } departmentId || await webhooks.FindAsync(departmentId, cancellationToken) is not { } webhook)
        {
            return;
        }

        string line;
        string openLabel;
        await using (var scope = scopes.CreateAsyncScope())
        {
            using (JapaneseCulture.Use())
            {
                line = scope.ServiceProvider.GetRequiredService<NotificationText>().Line(message.Kind, message.Args);
                openLabel = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>()["Notifications.Webhook.Open"].Value;
            }
        }

        // Failures are logged by the sender; the event stays in each user's list in the app.
        await sender.SendAsync(webhook, line, settings.CurrentValue.AbsoluteUrl(message.Url), openLabel, cancellationToken);
    }
}
