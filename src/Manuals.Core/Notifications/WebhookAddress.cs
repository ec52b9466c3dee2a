using System.Net;

namespace Manuals.Core.Notifications;

/// <summary>
/// Which webhook URLs may be saved and posted to: absolute https URLs only, so the channel's secret never crosses the
/// network in clear; http only to a loopback address, and only when the server allows it (a receiver in tests).
/// </summary>
public static class WebhookAddress
{
    /// <summary>The longest URL accepted (Teams workflow URLs run to a few hundred characters).</summary>
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="url"/> may be used; otherwise why not.</summary>
    public static WebhookAddressError? Check(string? url, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookAddressError.Missing;
        }

        if (url.Length > MaxLength)
        {
            return WebhookAddressError.TooLong;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return WebhookAddressError.NotAUrl;
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp && allowLoopbackHttp && IsLoopback(uri) ? null : WebhookAddressError.NotHttps;
    }

    // Literal loopback addresses only: a name could resolve anywhere.
    private static bool IsLoopback(Uri uri) =>
        IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
}
