using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Notifications;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Notifications;

/// <summary>
/// The bell: events reach the people concerned (required reading assigned or due, the weekly review digest, a
/// handover's successor), the header counts what is unread, opening one marks it read and goes where it leads.
/// </summary>
public sealed class NotificationsTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task RequiredReadingAssigned_TheHireSeesTheCountInTheBell_OpensIt_AndItIsRead()
    {
        var hire = await factory.CreateUserAsync("bell.hire", Roles.Reader, "人事・労務");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var reader = await WebSession.SignInAsync(factory, "bell.hire", ManualsAppFactory.UserPassword);
        var id = await ManualIdAsync("給与計算の手順");
        await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "5",
        });

        var (_, home) = await reader.GetAsync("/");
        var (_, list) = await reader.GetAsync("/notifications");
        var link = list.QuerySelector(".notification--unread a")!;
        var (opened, _) = await reader.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var (_, after) = await reader.GetAsync("/");
        var (adminOpens, _) = await admin.GetAsync(link.GetAttribute("href")!);

        Assert.Equal("通知（未読 1 件）", home.QuerySelector("a.bell")!.GetAttribute("aria-label"));
        Assert.Equal("1", home.QuerySelector(".bell__count")!.TextContent.Trim());
        Assert.Matches("「給与計算の手順」があなたの必読マニュアルに指定されました（期限 \\d{4}/\\d{2}/\\d{2}）。", link.TextContent);
        Assert.Equal($"/manuals/{id}", opened.Headers.Location!.OriginalString);
        Assert.Null(after.QuerySelector(".bell__count"));
        Assert.Equal(HttpStatusCode.NotFound, adminOpens.StatusCode);
    }

    [Fact]
    public async Task ReadAll_MarksEveryNotificationRead_AndAnEmptyListSaysSo()
    {
        var user = await factory.CreateUserAsync("bell.readall", Roles.Reader, "総務");
        var session = await WebSession.SignInAsync(factory, "bell.readall", ManualsAppFactory.UserPassword);
        var (_, empty) = await session.GetAsync("/notifications");
        await NotifyAsync([user], new NotificationMessage(NotificationKind.ReviewDigest, ["2", "1"], "/#due-heading"));
        await NotifyAsync([user], new NotificationMessage(NotificationKind.ReviewDigest, ["3", "0"], "/#due-heading"));

        var response = await session.SubmitAsync("/notifications", "form[action='/notifications/read-all']", []);
        var (_, list) = await session.GetAsync("/notifications");

        Assert.Contains("通知はありません", empty.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, list.QuerySelectorAll(".notification").Length);
        Assert.Empty(list.QuerySelectorAll(".notification--unread"));
        Assert.Contains("レビュー期限が近いマニュアルが 3 件、期限を過ぎたマニュアルが 0 件あります。", list.QuerySelector(".notification")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AnAddressOutsideTheApp_StaysInTheApp()
    {
        var user = await factory.CreateUserAsync("bell.redirect", Roles.Reader, "総務");
        var session = await WebSession.SignInAsync(factory, "bell.redirect", ManualsAppFactory.UserPassword);
        await NotifyAsync([user], new NotificationMessage(NotificationKind.ReviewDigest, ["1", "0"], "//evil.example/phish"));
        var (_, list) = await session.GetAsync("/notifications");

        var (response, _) = await session.GetAsync(list.QuerySelector(".notification a")!.GetAttribute("href")!);

        Assert.Equal("/notifications", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Scheduled_ReadingDueTomorrowAndTheReviewDigest_ReachEachPersonOnceHowEverOftenItRuns()
    {
        var hire = await factory.CreateUserAsync("bell.due", Roles.Reader, "経理・財務");
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await ManualIdAsync("月次決算の手順");
        await admin.SubmitAsync($"/manuals/{id}/reading", "form[action$='/reading']", new()
        {
            ["UserIds"] = hire.ToString(CultureInfo.InvariantCulture),
            ["BusinessDays"] = "1",
        });
        var store = factory.Services.GetRequiredService<INotificationStore>();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

        // Two business days ahead the due date is at most tomorrow: reminded, once.
        await RunScheduledAsync(today.AddDays(4), factory.Clock.GetUtcNow());
        await RunScheduledAsync(today.AddDays(4), factory.Clock.GetUtcNow().AddHours(1));
        var hireKinds = (await store.ListAsync(hire, 50, CancellationToken.None)).Select(n => n.Kind).ToList();
        // A manual its owner has not reviewed for 200 days (the interval is 180): one digest a week.
        var owner = await factory.CreateUserAsync("bell.owner", Roles.Editor, "経理・財務");
        await factory.Services.GetRequiredService<IManualStore>().CreateAsync(
            new ManualDraft("棚卸の手順（通知テスト）", 1, ManualVisibility.Company, ManualStatus.Published, null, [], "## 手順\n1. 数えます。\n", "作成"),
            new Author(owner, "bell.owner"),
            owner,
            factory.Clock.GetUtcNow().AddDays(-200),
            CancellationToken.None);
        await RunScheduledAsync(today.AddDays(4), factory.Clock.GetUtcNow().AddHours(2));
        var digests = (await store.ListAsync(owner, 50, CancellationToken.None)).Where(n => n.Kind == NotificationKind.ReviewDigest).ToList();
        await RunScheduledAsync(today.AddDays(4), factory.Clock.GetUtcNow().AddDays(7));
        var nextWeek = (await store.ListAsync(owner, 50, CancellationToken.None)).Count(n => n.Kind == NotificationKind.ReviewDigest);

        Assert.Equal(1, hireKinds.Count(k => k == NotificationKind.ReadingDue));
        Assert.Equal(["0", "1"], Assert.Single(digests).Args);
        Assert.Equal(2, nextWeek);
    }

    [Fact]
    public async Task Handover_ASuccessorWithAnAccount_IsToldOnce_WhenNamed()
    {
        var userId = await factory.CreateUserAsync("bell.successor", Roles.Reader, "総務");
        var successor = await EmployeeAsync(factory, "上田 陽介");
        successor.UserId = userId;
        await factory.Services.GetRequiredService<IEmployeeStore>().UpdateAsync(successor, factory.Clock.GetUtcNow(), CancellationToken.None);
        var predecessor = await EmployeeAsync(factory, "小野 達也");
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<HandoverService>();
        var viewer = new Viewer(1, new HashSet<string> { Roles.Admin }, new HashSet<long>());
        var author = new Author(1, "管理者");
        var moment = CoverageMoment.At(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var effective = moment.Today.AddDays(30);
        var started = await service.StartAsync(viewer, author, new HandoverStart(predecessor.Id, HandoverReason.Transfer, effective, "松田 康弘", ""), moment, CancellationToken.None);
        var handover = (await factory.Services.GetRequiredService<IHandoverStore>().FindAsync(started.Id, CancellationToken.None))!;
        HandoverEdit Edit(int version) => new(
            version,
            handover.Reason,
            effective,
            handover.ManagerName,
            "",
            [.. handover.Items.Select((item, i) => new HandoverItemEdit(item.TaskId, i == 0 ? successor.Id : item.SuccessorId, item.DueBefore, item.DueAfter, item.Checks, item.Note))],
            handover.CommonItems);

        Assert.Equal(SaveOutcome.Saved, (await service.SaveAsync(viewer, author, started.Id, Edit(handover.Version), moment, CancellationToken.None)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await service.SaveAsync(viewer, author, started.Id, Edit(handover.Version + 1), moment, CancellationToken.None)).Outcome);

        var told = (await factory.Services.GetRequiredService<INotificationStore>().ListAsync(userId, 50, CancellationToken.None))
            .Where(n => n.Kind == NotificationKind.HandoverSuccessor).ToList();
        var notification = Assert.Single(told);
        Assert.Equal(["小野 達也", effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], notification.Args);
        Assert.Equal($"/handovers/{started.Id}/sign-off", notification.Url);
    }

    private async Task NotifyAsync(IReadOnlyCollection<long> users, NotificationMessage message)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(users, message, CancellationToken.None);
    }

    private async Task RunScheduledAsync(DateOnly today, DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledNotifications>().RunAsync(today, now, CancellationToken.None);
    }

    private async Task<long> ManualIdAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
}
