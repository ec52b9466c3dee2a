namespace Manuals.Web.Features.Admin;

/// <summary>A department's webhook as an admin typed it: the chat service and the URL copied from it.</summary>
public sealed class WebhookForm
{
    /// <summary>A <see cref="Core.Notifications.WebhookKind"/> constant.</summary>
    public string? Kind { get; set; }

    public string? Url { get; set; }
}
