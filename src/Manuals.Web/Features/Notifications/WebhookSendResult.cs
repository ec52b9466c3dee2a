using System.Net;

namespace Manuals.Web.Features.Notifications;

/// <summary>What became of a webhook post: sent, or why not (the admin page words each in Japanese).</summary>
/// <param name="Outcome">Sent, Status (the receiver answered <paramref name="StatusCode"/>), TimedOut, Unreachable or Refused.</param>
public sealed record WebhookSendResult(WebhookOutcome Outcome, HttpStatusCode? StatusCode = null)
{
    public static WebhookSendResult Sent { get; } = new(WebhookOutcome.Sent);
    public static WebhookSendResult TimedOut { get; } = new(WebhookOutcome.TimedOut);
    public static WebhookSendResult Unreachable { get; } = new(WebhookOutcome.Unreachable);

    /// <summary>The stored URL is no longer allowed (http after the loopback switch was turned off).</summary>
    public static WebhookSendResult Refused { get; } = new(WebhookOutcome.Refused);

    public static WebhookSendResult Status(HttpStatusCode code) => new(WebhookOutcome.Status, code);

    public bool IsSent => Outcome == WebhookOutcome.Sent;
}
