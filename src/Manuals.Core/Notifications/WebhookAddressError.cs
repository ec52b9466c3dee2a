namespace Manuals.Core.Notifications;

/// <summary>Why a webhook URL was refused (<see cref="WebhookAddress.Check"/>).</summary>
public enum WebhookAddressError
{
    Missing,
    TooLong,
    NotAUrl,

    /// <summary>Not https (http is accepted for loopback addresses only, when the server allows it).</summary>
    NotHttps,
}
