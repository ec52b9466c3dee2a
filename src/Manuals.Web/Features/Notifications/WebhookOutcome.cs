namespace Manuals.Web.Features.Notifications;

/// <summary>See <see cref="WebhookSendResult"/>.</summary>
public enum WebhookOutcome
{
    Sent,
    Status,
    TimedOut,
    Unreachable,
    Refused,
}
