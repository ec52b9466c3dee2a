using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Core.Notifications;
using Manuals.Web.Tests.Features.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Admin;

/// <summary>The admin's department webhooks page (<c>/admin/webhooks</c>): save, test, delete, audit, the URL kept secret.</summary>
public sealed class WebhooksControllerTests(NotificationDeliveryFixture fixture) : IClassFixture<NotificationDeliveryFixture>
{
    private const string Page = "/admin/webhooks";

    [Fact]
    public async Task Save_ThenTestThenDelete_PostsATestMessageShowsOnlyAMaskedUrlAndAuditsWithoutTheSecret()
    {
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(fixture.App, "情報システム");
        var id = department.ToString(CultureInfo.InvariantCulture);
        var url = fixture.Receiver.Url("/services/T0/B0/topsecretvalue42");

        var saved = await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}']", new() { ["Kind"] = WebhookKind.Slack, ["Url"] = url });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await admin.GetAsync(Page);
        var section = page.QuerySelector($"#department-{id}")!;
        Assert.Contains("Slack", section.QuerySelector(".webhook__current")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("…ue42", section.QuerySelector(".webhook__current")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecretvalue", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("部署「情報システム」の Webhook を保存しました。「テスト送信」で届くか確認できます。", page.QuerySelector(".flash")!.TextContent);

        var tested = await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}/test']", []);
        var post = await fixture.Receiver.NextAsync();
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        Assert.Equal("/services/T0/B0/topsecretvalue42", post.Path);
        Assert.StartsWith("業務マニュアルからのテスト送信です（部署：情報システム）。", post.Json().GetProperty("text").GetString(), StringComparison.Ordinal);
        var (_, afterTest) = await admin.GetAsync(Page);
        Assert.Contains("テストメッセージを送信しました", afterTest.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);

        var deleteForm = afterTest.QuerySelector($"form[action='/admin/webhooks/{id}/delete']")!;
        Assert.Contains("情報システム", deleteForm.GetAttribute("data-confirm"), StringComparison.Ordinal);
        var deleted = await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}/delete']", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().FindAsync(department, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/webhooks/{id}/test", [new("__RequestVerificationToken", await admin.TokenFromAsync(Page))])).StatusCode);

        var entries = (await fixture.App.Services.GetRequiredService<IAuditLog>().ListAsync(AuditFilter.None, new AuditPageRequest(Size: 2), CancellationToken.None)).Entries;
        Assert.Equal([AuditAction.WebhookRemoved, AuditAction.WebhookSaved], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal((AuditTargetType.Department, id, "情報システム"), (e.TargetType, e.TargetId, e.TargetName));
            Assert.Equal("Slack（127.0.0.1）", e.Detail);
        });
    }

    [Fact]
    public async Task Test_ReceiverAnswersAnError_SaysSoInJapanese()
    {
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(fixture.App, "一般事務");
        var id = department.ToString(CultureInfo.InvariantCulture);
        await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().SetAsync(
            new DepartmentWebhook(department, WebhookKind.Teams, fixture.Receiver.Url("/status/404/gone")), CancellationToken.None);

        await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}/test']", []);
        Assert.Equal("MessageCard", (await fixture.Receiver.NextAsync()).Json().GetProperty("@type").GetString());
        var (_, page) = await admin.GetAsync(Page);

        Assert.Contains("テスト送信に失敗しました。送信先がエラー（HTTP 404）を返しました。", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_NobodyListening_SaysItCouldNotConnect()
    {
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(fixture.App, "広報");
        var id = department.ToString(CultureInfo.InvariantCulture);
        // A port that was free a moment ago: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().SetAsync(
            new DepartmentWebhook(department, WebhookKind.Slack, $"http://127.0.0.1:{port}/hook"), CancellationToken.None);

        await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}/test']", []);
        var (_, page) = await admin.GetAsync(Page);

        Assert.Contains("送信先に接続できませんでした", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack", "", "Webhook の URL を入力してください。")]
    [InlineData("slack", "http://hooks.slack.com/services/T0/B0/x", "https:// で始まる URL を入力してください")]
    [InlineData("slack", "hooks.slack.com/services", "URL の形式が正しくありません。")]
    [InlineData("line", "https://hooks.slack.com/services/T0/B0/x", "投稿先を Microsoft Teams か Slack から選んでください。")]
    public async Task Save_BadInput_400WithJapaneseMessageAndFormKept(string kind, string url, string message)
    {
        var admin = await WebSession.SignInAsync(fixture.App, "admin", ManualsAppFactory.AdminPassword);
        var id = (await NotificationDeliveryFixture.DepartmentIdAsync(fixture.App, "法務")).ToString(CultureInfo.InvariantCulture);

        var response = await admin.SubmitAsync(Page, $"form[action='/admin/webhooks/{id}']", new() { ["Kind"] = kind, ["Url"] = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, document.QuerySelector($"#url-{id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, document.QuerySelector($"#url-{id}")!.GetAttribute("value"));
        Assert.Null(await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().FindAsync(long.Parse(id, CultureInfo.InvariantCulture), CancellationToken.None));
    }

    [Fact]
    public async Task Index_NonAdmins_403AndNoUrlAnywhere()
    {
        var department = await NotificationDeliveryFixture.DepartmentIdAsync(fixture.App, "総務");
        await fixture.App.Services.GetRequiredService<IDepartmentWebhookStore>().SetAsync(
            new DepartmentWebhook(department, WebhookKind.Slack, "https://hooks.slack.com/services/T0/B0/editor-must-not-see"), CancellationToken.None);
        await fixture.App.CreateUserAsync("webhook-editor", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(fixture.App, "webhook-editor", ManualsAppFactory.UserPassword);

        var (response, _) = await editor.GetAsync(Page);
        var (_, home) = await editor.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("editor-must-not-see", home.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("a[href='/admin/webhooks']"));
    }
}
