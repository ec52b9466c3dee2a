using System.Text.Json.Nodes;
using Manuals.Core.Notifications;

namespace Manuals.Web.Features.Notifications;

/// <summary>
/// The JSON a chat service's incoming webhook takes: Slack <c>{"text": …}</c>; Teams (Office 365 connector or a
/// workflow that takes the same) a legacy MessageCard with a summary, the text and an 「開く」 button to the page.
/// </summary>
public static class WebhookPayload
{
    public static JsonObject For(string kind, string line, string? link, string openLabel)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (kind == WebhookKind.Teams)
        {
            var card = new JsonObject
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = line,
                ["themeColor"] = "0B6E4F",
                // MessageCard text is Markdown: a bare line break needs two spaces or a blank line.
                ["text"] = link is null ? line : $"{line}\n\n{link}",
            };
            if (link is not null)
            {
                card["potentialAction"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "OpenUri",
                    ["name"] = openLabel,
                    ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = link }),
                });
            }

            return card;
        }

        return new JsonObject { ["text"] = link is null ? line : $"{line}\n{link}" };
    }
}
