using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Audit;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Audit;

/// <summary>The admin audit page (<c>/admin/audit</c>): filters, keyset paging, bad filters, and the CSV export.</summary>
public sealed class AuditPagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Index_Admin_ShowsEntriesNewestFirstInJapanTimeWithLabels()
    {
        var actor = await factory.CreateUserAsync("audit.page.times", Roles.Editor, "総務");
        await AppendAsync(actor, AuditAction.ManualPublished, new DateTimeOffset(2026, 11, 21, 7, 50, 5, TimeSpan.Zero), "経費精算の手順");
        await AppendAsync(actor, AuditAction.HandoverStarted, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), "山田 太郎");
        var admin = await AdminAsync();

        var (response, page) = await admin.GetAsync($"/admin/audit?Person={actor}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.audit-log tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("2026/11/21 17:00:00", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("引継ぎの開始", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026/11/21 16:50:05", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("マニュアルの公開", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("経費精算の手順", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("成功", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("page", page.QuerySelector(".admin-nav a[href='/admin/audit']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Index_FilterByPersonActionAndDays_EachNarrows()
    {
        var first = await factory.CreateUserAsync("audit.page.first", Roles.Editor, "総務");
        var second = await factory.CreateUserAsync("audit.page.second", Roles.Editor, "総務");
        // 2026-03-10 in Tokyo runs from 2026-03-09T15:00Z to 2026-03-10T15:00Z.
        var a = await AppendAsync(first, AuditAction.TemplateCreated, new DateTimeOffset(2026, 3, 9, 14, 59, 59, TimeSpan.Zero), "前日");
        var b = await AppendAsync(first, AuditAction.TemplateCreated, new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), "当日の始め");
        var c = await AppendAsync(first, AuditAction.TemplateRetired, new DateTimeOffset(2026, 3, 10, 14, 59, 59, TimeSpan.Zero), "当日の終わり");
        var d = await AppendAsync(second, AuditAction.TemplateCreated, new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero), "別の人");
        var admin = await AdminAsync();

        var byPerson = await IdsAsync(admin, $"/admin/audit?Person={first}");
        var byAction = await IdsAsync(admin, $"/admin/audit?Person={first}&Action=template-created");
        var byDay = await IdsAsync(admin, "/admin/audit?From=2026-03-10&To=2026-03-10&Action=template-created");
        var (_, form) = await admin.GetAsync($"/admin/audit?Person={first}&Action=template-created&From=2026-03-10");

        Assert.Equal([c, b, a], byPerson);
        Assert.Equal([b, a], byAction);
        Assert.Equal([d, b], byDay);
        Assert.Equal(Id(first), ((IHtmlSelectElement)form.QuerySelector("select#Person")!).Value);
        Assert.Equal("template-created", ((IHtmlSelectElement)form.QuerySelector("select#Action")!).Value);
        Assert.Equal("2026-03-10", ((IHtmlInputElement)form.QuerySelector("input#From")!).Value);
    }

    [Fact]
    public async Task Index_MoreThanOnePage_OlderAndNewerLinksShowEveryEntryOnce()
    {
        var actor = await factory.CreateUserAsync("audit.page.many", Roles.Reader, "総務");
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var appended = new List<long>();
        for (var i = 0; i < AuditLimits.PageSize * 2 + 7; i++)
        {
            appended.Add(await AppendAsync(actor, AuditAction.SignIn, start.AddMinutes(i), null));
        }

        var admin = await AdminAsync();
        var seen = new List<long>();
        var url = $"/admin/audit?Person={actor}";
        var pages = 0;
        IHtmlDocument page;
        while (true)
        {
            (_, page) = await admin.GetAsync(url);
            pages++;
            seen.AddRange(Ids(page));
            var older = page.QuerySelector("a[rel=next]");
            if (older is null)
            {
                break;
            }

            url = older.GetAttribute("href")!;
        }

        var back = new List<long>(Ids(page));
        while (page.QuerySelector("a[rel=prev]") is { } newer)
        {
            (_, page) = await admin.GetAsync(newer.GetAttribute("href")!);
            back.InsertRange(0, Ids(page));
        }

        Assert.Equal(3, pages);
        Assert.Equal(appended.AsEnumerable().Reverse(), seen);
        Assert.Equal(seen, back);
        Assert.Contains($"person={actor}", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/audit?From=2026-02-30&Action=sign-in", "From", "2026-02-30")]
    [InlineData("/admin/audit?To=1999-12-31&Action=sign-in", "To", "1999-12-31")]
    [InlineData("/admin/audit?From=2026-04-02&To=2026-04-01&Action=sign-in", "From", "2026-04-02")]
    public async Task Index_BadDate_Returns400WithJapaneseMessageAndKeepsFilters(string url, string field, string typed)
    {
        var admin = await AdminAsync();

        var (response, page) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"[\u3040-\u30FF]", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(typed, ((IHtmlInputElement)page.QuerySelector($"input#{field}")!).Value);
        Assert.Equal("sign-in", ((IHtmlSelectElement)page.QuerySelector("select#Action")!).Value);
        Assert.Null(page.QuerySelector("table.audit-log"));
    }

    [Fact]
    public async Task Index_UnknownActionOrExportWithBadDate_Returns400()
    {
        var admin = await AdminAsync();

        var (page, _) = await admin.GetAsync("/admin/audit?Action=drop-table");
        var export = await admin.Client.GetAsync(new Uri("/admin/audit.csv?From=nonsense", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task Index_NothingMatches_ShowsEmptyState()
    {
        var admin = await AdminAsync();

        var (response, page) = await admin.GetAsync("/admin/audit?Action=group-mapping-removed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("条件に合う記録はありません。", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Reader)]
    [InlineData(Roles.Editor)]
    public async Task IndexAndExport_NonAdmin_Get403(string role)
    {
        var userName = "audit.page.nonadmin." + role.ToLowerInvariant();
        await factory.CreateUserAsync(userName, role, "総務");
        var session = await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);

        var (page, _) = await session.GetAsync("/admin/audit");
        var export = await session.Client.GetAsync(new Uri("/admin/audit.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task Export_HostileDisplayName_CsvWithBomJapaneseHeadersAndFormulaGuard()
    {
        // An admin creates a user whose display name is a spreadsheet formula; that user's sign-in is then exported.
        var admin = await AdminAsync();
        const string hostile = "=HYPERLINK(\"http://evil.example/\",\"クリック\")";
        var created = await admin.SubmitAsync("/admin/users/new", "form[action='/admin/users/new']", new()
        {
            ["UserName"] = "audit.hostile",
            ["DisplayName"] = hostile,
            ["Password"] = "initial-password-1",
            ["Role"] = Roles.Reader,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await WebSession.SignInAsync(factory, "audit.hostile", "initial-password-1");
        var userId = await UserIdAsync("audit.hostile");

        var response = await admin.Client.GetAsync(new Uri($"/admin/audit.csv?Person={userId}&Action=sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal($"audit-log-{today}.csv", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日時,操作者,操作者ID,操作,結果,方式,対象の種類,対象ID,対象,詳細,接続元", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"クリック\"\")\"", row.Split(',', 2)[1], StringComparison.Ordinal);
        Assert.Contains($",{userId},サインイン,成功,ユーザー名とパスワード,ユーザー,{userId},audit.hostile,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MoreRowsThanAPage_EveryFilteredEntryNewestFirst()
    {
        var actor = await factory.CreateUserAsync("audit.page.export", Roles.Reader, "総務");
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < AuditLimits.PageSize + 20; i++)
        {
            await AppendAsync(actor, AuditAction.SignOut, start.AddMinutes(i), null);
        }

        var admin = await AdminAsync();
        var response = await admin.Client.GetAsync(new Uri($"/admin/audit.csv?Person={actor}", UriKind.Relative));

        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditLimits.PageSize + 20 + 1, lines.Length);
        Assert.StartsWith("2026/06/01 10:09:00,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026/06/01 09:00:00,", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Labels_EveryActionTargetTypeAndMethod_HaveOne(string culture)
    {
        var path = Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "Shared", "Resources", $"SharedResource.{culture}.resx");
        var keys = System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var wanted = AuditAction.All.Select(a => "Audit.Action." + a)
            .Concat(AuditTargetType.All.Select(t => "Audit.Target." + t))
            .Concat(new[] { AuditMethod.Local, AuditMethod.Entra, AuditMethod.Oidc }.Select(m => "Audit.Method." + m))
            .Concat(Enum.GetNames<AuditOutcome>().Select(o => "Audit.Outcome." + o));

        var missing = wanted.Where(k => !keys.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Missing labels: " + string.Join(", ", missing));
    }

    private async Task<long> AppendAsync(long actor, string action, DateTimeOffset at, string? targetName) =>
        await factory.Services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry
            {
                OccurredAt = at,
                ActorUserId = actor,
                ActorName = "利用者" + Id(actor),
                Action = action,
                TargetType = targetName is null ? null : AuditTargetType.Manual,
                TargetId = targetName is null ? null : "1",
                TargetName = targetName,
            },
            CancellationToken.None);

    private static async Task<List<long>> IdsAsync(WebSession session, string url)
    {
        var (response, page) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids(page);
    }

    private static List<long> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("table.audit-log tbody tr")
            .Select(tr => long.Parse(tr.GetAttribute("data-audit-id")!, CultureInfo.InvariantCulture))
            .ToList();

    private async Task<WebSession> AdminAsync() => await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private async Task<long> UserIdAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().ListAsync(CancellationToken.None)).Single(u => u.UserName == userName).Id;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
