namespace Manuals.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> configuration section: e-mail, the app's public address, and webhook rules.</summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    /// <summary>
    /// The app's public address, e.g. <c>https://manuals.example.co.jp</c>, for absolute links in e-mail and chat
    /// messages (a background job has no request to take it from). Required when e-mail is on.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Accept http webhook URLs to loopback addresses (a receiver on the same machine, in tests). Off by default: only
    /// https URLs are saved and posted to.
    /// </summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>How long a webhook post may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public MailSettings Mail { get; set; } = new();

    /// <summary><paramref name="path"/> (app-relative, e.g. <c>/manuals/3</c>) under <see cref="BaseUrl"/>; null without one.</summary>
    public string? AbsoluteUrl(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
