namespace Manuals.Core.Notifications;

/// <summary>The chat services a department's webhook may post to; stored as is in <c>department_webhooks.kind</c>.</summary>
public static class WebhookKind
{
    /// <summary>A Microsoft Teams incoming webhook (Office 365 connector), posted a MessageCard.</summary>
    public const string Teams = "teams";

    /// <summary>A Slack incoming webhook, posted <c>{"text": …}</c>.</summary>
    public const string Slack = "slack";

    /// <summary>Every kind, in the order the admin page offers them.</summary>
    public static IReadOnlyList<string> All { get; } = [Teams, Slack];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
