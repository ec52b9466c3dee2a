using Manuals.Core.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Notifications;

/// <summary>Department webhooks posted to a receiver on loopback (<c>WebhookChannel</c>).</summary>
public sealed class WebhookChannelTests(NotificationDeliveryFixture fixture) : IClassFixture<NotificationDeliveryFixture>
{
    private const string Line = "「給与計算の手順」があなたの必読マニュアルに指定されました（期限 2026/12/14）。";

    [Fact]
    public async Task DeliverAsync_SlackWebhook_OnePostPerEventWithTextAndLink()
    {
        var app = fixture.App;
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(app, "経理・財務");
        await SetAsync(new DepartmentWebhook(department, WebhookKind.Slack, fixture.Receiver.Url("/slack/T0/B0/secret")));
        var hanako = await NotificationDeliveryFixture.CreateUserAsync(app, "slack-hanako", null);
        var taro = await NotificationDeliveryFixture.CreateUserAsync(app, "slack-taro", null);

        await NotificationDeliveryFixture.NotifyAsync(app, [hanako, taro], new NotificationMessage(NotificationKind.ReadingAssigned, ["給与計算の手順", "2026-12-14"], "/manuals/3", DepartmentId: department));
        await NotificationDeliveryFixture.NotifyAsync(app, [hanako], new NotificationMessage(NotificationKind.ReviewDigest, ["2", "1"], "/manuals/due", DepartmentId: department));
        var first = await fixture.Receiver.NextAsync();
        var second = await fixture.Receiver.NextAsync();

        Assert.Equal("/slack/T0/B0/secret", first.Path);
        Assert.Equal("application/json; charset=utf-8", first.ContentType);
        var json = first.Json();
        Assert.Equal(["text"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Line + "\nhttps://manuals.example.jp/manuals/3", json.GetProperty("text").GetString());
        // Two users, one post: the second post is the second event.
        Assert.Equal(
            "レビュー期限が近いマニュアルが 2 件、期限を過ぎたマニュアルが 1 件あります。\nhttps://manuals.example.jp/manuals/due",
            second.Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task DeliverAsync_TeamsWebhook_MessageCardWithSummaryTextAndOpenLink()
    {
        var app = fixture.App;
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(app, "人事・労務");
        await SetAsync(new DepartmentWebhook(department, WebhookKind.Teams, fixture.Receiver.Url("/teams/webhookb2/secret")));
        var hanako = await NotificationDeliveryFixture.CreateUserAsync(app, "teams-hanako", null);

        await NotificationDeliveryFixture.NotifyAsync(app, [hanako], new NotificationMessage(NotificationKind.ReadingAssigned, ["給与計算の手順", "2026-12-14"], "/manuals/3", DepartmentId: department));
        var post = await fixture.Receiver.NextAsync();

        Assert.Equal("/teams/webhookb2/secret", post.Path);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        var card = post.Json();
        Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org/extensions", card.GetProperty("@context").GetString());
        Assert.Equal(Line, card.GetProperty("summary").GetString());
        Assert.Equal(Line + "\n\nhttps://manuals.example.jp/manuals/3", card.GetProperty("text").GetString());
        var action = card.GetProperty("potentialAction")[0];
        Assert.Equal(("OpenUri", "開く"), (action.GetProperty("@type").GetString(), action.GetProperty("name").GetString()));
        Assert.Equal("https://manuals.example.jp/manuals/3", action.GetProperty("targets")[0].GetProperty("uri").GetString());
        // The Japanese travels as UTF-8 bytes, not as \u escapes.
        Assert.Contains("給与計算の手順", System.Text.Encoding.UTF8.GetString(post.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_NoDepartmentOrNoWebhook_PostsNothing()
    {
        var app = fixture.App;
        var withWebhook = await NotificationDeliveryFixture.DepartmentIdAsync(app, "法務");
        var without = await NotificationDeliveryFixture.DepartmentIdAsync(app, "広報");
        await SetAsync(new DepartmentWebhook(withWebhook, WebhookKind.Slack, fixture.Receiver.Url("/none/marker")));
        var user = await NotificationDeliveryFixture.CreateUserAsync(app, "webhook-none", null);

        await NotificationDeliveryFixture.NotifyAsync(app, [user], new NotificationMessage(NotificationKind.ReviewDigest, ["1", "0"], "/"));
        await NotificationDeliveryFixture.NotifyAsync(app, [user], new NotificationMessage(NotificationKind.ReviewDigest, ["2", "0"], "/", DepartmentId: without));
        await NotificationDeliveryFixture.NotifyAsync(app, [user], new NotificationMessage(NotificationKind.ReviewDigest, ["3", "0"], "/", DepartmentId: withWebhook));
        var post = await fixture.Receiver.NextAsync();

        // The first post is the third event's: the first two posted nothing.
        Assert.Equal("/none/marker", post.Path);
        Assert.StartsWith("レビュー期限が近いマニュアルが 3 件", post.Json().GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private async Task SetAsync(DepartmentWebhook webhook) =>
        await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().SetAsync(webhook, CancellationToken.None);
}
