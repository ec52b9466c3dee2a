namespace Manuals.Core.Notifications;

/// <summary>
/// A department's chat channel: where notifications with that <see cref="NotificationMessage.DepartmentId"/> are posted.
/// The URL carries the channel's secret: only Admins see it, and only masked (<see cref="MaskedUrl"/>).
/// </summary>
/// <param name="Kind">A <see cref="WebhookKind"/> constant.</param>
public sealed record DepartmentWebhook(long DepartmentId, string Kind, string Url)
{
    /// <summary>The scheme and host, then 「…」 and the last four characters: enough to recognise it, not to use it.</summary>
    public string MaskedUrl =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}/…{(Url.Length > 4 ? Url[^4..] : "")}"
            : "…";

    /// <summary>The host alone (for the audit log, which never holds the secret part).</summary>
    public string Host => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Host : "";
}
