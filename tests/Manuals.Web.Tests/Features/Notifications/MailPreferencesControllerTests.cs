using System.Net;
using Manuals.Core.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Notifications;

/// <summary>Each user's e-mail choices (<c>/account/notifications</c>).</summary>
public sealed class MailPreferencesControllerTests(NotificationDeliveryFixture fixture) : IClassFixture<NotificationDeliveryFixture>
{
    private const string Page = "/account/notifications";
    private const string Form = "form[action='/account/notifications']";

    [Fact]
    public async Task Save_UncheckTwoKinds_OptsOutOfThoseForThisUserOnly()
    {
        var hanako = await NotificationDeliveryFixture.CreateUserAsync(fixture.App, "prefs-hanako", "hanako@example.jp");
        var taro = await NotificationDeliveryFixture.CreateUserAsync(fixture.App, "prefs-taro", "taro@example.jp");
        var store = fixture.App.Services.GetRequiredService<INotificationStore>();
        await store.SetMailOptOutsAsync(taro, [NotificationKind.ApprovalRequested], CancellationToken.None);
        var session = await WebSession.SignInAsync(fixture.App, "prefs-hanako", ManualsAppFactory.UserPassword);

        var (_, before) = await session.GetAsync(Page);
        var boxes = before.QuerySelectorAll($"{Form} input[type=checkbox]");
        Assert.Equal(NotificationKind.All.Select(k => $"Mail[{k}]"), boxes.Select(b => b.GetAttribute("name")));
        Assert.All(boxes, b => Assert.True(b.HasAttribute("checked")));
        Assert.Contains("必読マニュアルの指定", before.QuerySelector(Form)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hanako@example.jp", before.QuerySelector("#mail-status")!.TextContent, StringComparison.Ordinal);
        var response = await session.SubmitAsync(Page, Form, new()
        {
            [$"Mail[{NotificationKind.ReviewDigest}]"] = "false",
            [$"Mail[{NotificationKind.ReadingDue}]"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            new[] { NotificationKind.ReadingDue, NotificationKind.ReviewDigest }.Order(),
            (await store.MailOptOutsAsync(hanako, CancellationToken.None)).Order());
        Assert.Equal([NotificationKind.ApprovalRequested], await store.MailOptOutsAsync(taro, CancellationToken.None));
        var (_, after) = await session.GetAsync(Page);
        Assert.Equal("通知の設定を保存しました。", after.QuerySelector(".flash")!.TextContent);
        Assert.False(after.QuerySelector($"input[name='Mail[{NotificationKind.ReviewDigest}]']")!.HasAttribute("checked"));
        Assert.True(after.QuerySelector($"input[name='Mail[{NotificationKind.ReadingAssigned}]']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Index_NoAddress_SaysNoMailReachesThem()
    {
        await NotificationDeliveryFixture.CreateUserAsync(fixture.App, "prefs-noaddress", null);
        var session = await WebSession.SignInAsync(fixture.App, "prefs-noaddress", ManualsAppFactory.UserPassword);

        var (_, page) = await session.GetAsync(Page);

        Assert.Contains("メールアドレスが登録されていないため、メールは届きません。", page.QuerySelector("#mail-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_MailOffOnThisServer_SaysSo_AndTheHeaderLinksHere()
    {
        var app = new ManualsAppFactory();
        try
        {
            await NotificationDeliveryFixture.CreateUserAsync(app, "prefs-off", "off@example.jp");
            var session = await WebSession.SignInAsync(app, "prefs-off", ManualsAppFactory.UserPassword);

            var (response, page) = await session.GetAsync(Page);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("メール送信が有効になっていない", page.QuerySelector("#mail-status")!.TextContent, StringComparison.Ordinal);
            var (_, list) = await session.GetAsync("/notifications");
            Assert.Equal("通知の設定", list.QuerySelector("main a[href='/account/notifications']")!.TextContent);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Index_Anonymous_SentToSignIn()
    {
        var response = await fixture.App.CreateBrowserlikeClient().GetAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
