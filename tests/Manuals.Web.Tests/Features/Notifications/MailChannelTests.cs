using Manuals.Core.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Manuals.Web.Tests.Features.Notifications;

/// <summary>Notification e-mail through a real SMTP server on loopback (<c>MailChannel</c>).</summary>
public sealed class MailChannelTests(NotificationDeliveryFixture fixture) : IClassFixture<NotificationDeliveryFixture>
{
    [Fact]
    public async Task DeliverAsync_ThreeUsers_OnlyTheOneWithAnAddressWhoWantsItGetsAJapaneseMail()
    {
        var app = fixture.App;
        var hanako = await NotificationDeliveryFixture.CreateUserAsync(app, "mail-hanako", "hanako@example.jp");
        var taro = await NotificationDeliveryFixture.CreateUserAsync(app, "mail-taro", "taro@example.jp");
        var jiro = await NotificationDeliveryFixture.CreateUserAsync(app, "mail-jiro", null);
        await app.Services.GetRequiredService<INotificationStore>().SetMailOptOutsAsync(taro, [NotificationKind.ReadingAssigned], CancellationToken.None);

        await NotificationDeliveryFixture.NotifyAsync(app, [hanako, taro, jiro], new NotificationMessage(NotificationKind.ReadingAssigned, ["給与計算の手順", "2026-12-14"], "/manuals/3"));
        // A later event to the user who turned the first kind off: delivery is in order, so whatever the first event
        // sent arrives before this one.
        await NotificationDeliveryFixture.NotifyAsync(app, [taro], new NotificationMessage(NotificationKind.ReadingDue, ["月次決算", "2026-12-08"], "/manuals/5"));
        var first = await fixture.Smtp.NextAsync();
        var second = await fixture.Smtp.NextAsync();

        const string line = "「給与計算の手順」があなたの必読マニュアルに指定されました（期限 2026/12/14）。";
        Assert.Equal(["hanako@example.jp"], first.EnvelopeTo);
        Assert.Equal("hanako@example.jp", first.Message.To.Mailboxes.Single().Address);
        Assert.Equal("mail-hanako さん", first.Message.To.Mailboxes.Single().Name);
        Assert.Equal(("業務マニュアル", "manuals@example.jp"), (first.Message.From.Mailboxes.Single().Name, first.Message.From.Mailboxes.Single().Address));
        Assert.Equal("[業務マニュアル] " + line, first.Message.Subject);
        // Headers travel as 7-bit ASCII, the Japanese in RFC 2047 encoded-words.
        Assert.All(first.Raw[..first.RawHeaders.Length], b => Assert.True(b < 0x80));
        Assert.Matches("(?im)^Subject: =\\?utf-8\\?[bq]\\?", first.RawHeaders);
        var body = Assert.IsType<TextPart>(first.Message.Body);
        Assert.True(body.IsPlain);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Contains("mail-hanako さん 様", body.Text, StringComparison.Ordinal);
        Assert.Contains(line, body.Text, StringComparison.Ordinal);
        Assert.Contains("\nhttps://manuals.example.jp/manuals/3", body.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("https://manuals.example.jp/account/notifications", body.Text, StringComparison.Ordinal);

        Assert.Equal(["taro@example.jp"], second.EnvelopeTo);
        Assert.Equal("[業務マニュアル] 必読マニュアル「月次決算」の期限（2026/12/08）が近づいています。まだ「読みました」が記録されていません。", second.Message.Subject);
        Assert.Contains("https://manuals.example.jp/manuals/5", Assert.IsType<TextPart>(second.Message.Body).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_MailOff_NeverConnects()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var app = new ManualsAppFactory();
        try
        {
            foreach (var (key, value) in NotificationDeliveryFixture.MailSettings(smtp.Port, enabled: false))
            {
                app.Settings[key] = value;
            }

            app.Settings["Notifications:AllowLoopbackWebhooks"] = "true";
            var user = await NotificationDeliveryFixture.CreateUserAsync(app, "mail-off", "off@example.jp");
            var department = await NotificationDeliveryFixture.DepartmentIdAsync(app, "総務");
            await app.Services.GetRequiredService<IDepartmentWebhookStore>().SetAsync(
                new DepartmentWebhook(department, WebhookKind.Slack, receiver.Url("/mail-off")), CancellationToken.None);

            await NotificationDeliveryFixture.NotifyAsync(app, [user], new NotificationMessage(NotificationKind.ReviewDigest, ["2", "1"], "/", DepartmentId: department));
            // The webhook channel runs after the mail channel for the same event: once it has posted, mail had its turn.
            await receiver.NextAsync();

            Assert.Equal(0, smtp.Sessions);
            Assert.False(smtp.HasWaiting);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Notifications:Mail:Host", "", "Notifications:Mail:Host")]
    [InlineData("Notifications:Mail:FromAddress", "", "Notifications:Mail:FromAddress")]
    [InlineData("Notifications:BaseUrl", "", "Notifications:BaseUrl")]
    public async Task Startup_MailOnWithSettingMissing_FailsNamingIt(string key, string value, string named)
    {
        var app = new ManualsAppFactory();
        try
        {
            foreach (var (k, v) in NotificationDeliveryFixture.MailSettings(2525, enabled: true))
            {
                app.Settings[k] = v;
            }

            app.Settings["Notifications:BaseUrl"] = NotificationDeliveryFixture.BaseUrl;
            app.Settings[key] = value;

            var error = Assert.ThrowsAny<Exception>(() => app.Server);

            Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
