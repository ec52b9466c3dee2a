using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>Review dates, 「レビュー済みにする」, owner and interval settings, the home page's due list and the Admin's stale list.</summary>
public sealed class ReviewCycleTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task ReviewCycle_OwnerSeesDueManualUntilMarkedReviewed()
    {
        // Moving the clock ends sign-in sessions and makes every manual due, so this test has an app of its own.
        await using var factory = new ManualsAppFactory();
        var ownerId = await factory.CreateUserAsync("owner.somu", Roles.Editor, "総務");
        var owner = await WebSession.SignInAsync(factory, "owner.somu", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync(factory, "備品・消耗品の発注手順");
        var set = await owner.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/settings']",
            new() { ["OwnerId"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ReviewIntervalDays"] = "90" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var firstReview = await owner.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/review']", []);
        Assert.Equal(HttpStatusCode.Redirect, firstReview.StatusCode);

        var (_, before) = await owner.GetAsync("/");
        factory.Clock.Advance(TimeSpan.FromDays(95));
        owner = await WebSession.SignInAsync(factory, "owner.somu", ManualsAppFactory.UserPassword);
        var (_, home) = await owner.GetAsync("/");
        var (_, page) = await owner.GetAsync($"/manuals/{id}");

        Assert.DoesNotContain("備品・消耗品の発注手順", before.QuerySelector(".due-list")?.TextContent ?? "", StringComparison.Ordinal);
        var due = home.QuerySelector(".due-list")!.TextContent;
        Assert.Contains("備品・消耗品の発注手順", due, StringComparison.Ordinal);
        Assert.Contains("日超過", due, StringComparison.Ordinal);
        Assert.Contains("レビュー期限を", page.QuerySelector(".notice--warning")!.TextContent, StringComparison.Ordinal);

        var reviewed = await owner.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/review']", []);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var (_, after) = await owner.GetAsync("/");
        var (_, pageAfter) = await owner.GetAsync($"/manuals/{id}");
        Assert.DoesNotContain("備品・消耗品の発注手順", after.QuerySelector(".due-list")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("owner.somu さん", pageAfter.QuerySelector(".review-panel")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pageAfter.QuerySelector(".notice--warning"));
        var manual = await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal(ownerId, manual!.ReviewedById);
        Assert.Equal(ownerId, manual.OwnerId);
        Assert.Equal(90, manual.ReviewIntervalDays);
    }

    [Fact]
    public async Task MarkReviewed_Reader_Gets403AndNothingRecorded()
    {
        await factory.CreateUserAsync("reader.review-probe", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.review-probe", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("印鑑の管理と押印申請の手順");
        var token = await reader.TokenFromAsync($"/manuals/{id}");
        var before = (await FindAsync(id)).ReviewedAt;

        var response = await reader.PostAsync($"/manuals/{id}/review", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await FindAsync(id)).ReviewedAt);
    }

    [Theory]
    [InlineData("ReviewIntervalDays", "3", "7〜1095日")]
    [InlineData("ReviewIntervalDays", "abc", "正しい値ではありません")]
    [InlineData("OwnerId", "999999", "担当者を一覧から選んでください")]
    public async Task Settings_BadValue_Returns400WithMessage(string field, string value, string message)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("契約書のリーガルチェック依頼の手順");

        var response = await admin.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/settings']", new() { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(180, (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!.ReviewIntervalDays);
    }

    [Fact]
    public async Task Stale_Admin_ListsOverdueManuals_ReaderGets403()
    {
        await using var factory = new ManualsAppFactory();
        await factory.CreateUserAsync("reader.stale-probe", Roles.Reader);
        factory.Clock.Advance(TimeSpan.FromDays(400));
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var reader = await WebSession.SignInAsync(factory, "reader.stale-probe", ManualsAppFactory.UserPassword);

        var (response, document) = await admin.GetAsync("/manuals/stale");
        var (home, homeDocument) = await admin.GetAsync("/");
        var (forbidden, _) = await reader.GetAsync("/manuals/stale");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("月次決算の手順", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("取引先マスタの登録手順", StringComparison.Ordinal)); // a draft is never due
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("レビュー期限を過ぎたマニュアルが", homeDocument.QuerySelector(".notice--warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task CompareAndRestore_OldRevision_BecomesNewRevisionWithItsText()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("社内報の発行手順");
        var original = (await FindAsync(id)).Body;
        var edited = await admin.SubmitAsync($"/manuals/{id}/edit", "form.manual-form",
            new() { ["Body"] = original.Replace("社内報", "社内ニュースレター", StringComparison.Ordinal), ["ChangeNote"] = "名称変更" }, "intent", "save");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var (compare, compareDocument) = await admin.GetAsync($"/manuals/{id}/compare?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("ニュースレター", compareDocument.QuerySelector("table.diff ins")!.TextContent, StringComparison.Ordinal);

        var restored = await admin.SubmitAsync($"/manuals/{id}/revisions/1", $"form[action='/manuals/{id}/revisions/1/restore']", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var now = await FindAsync(id);
        Assert.Equal(3, now.RevisionNumber);
        Assert.Equal(original, now.Body);
        var revisions = await factory.Services.GetRequiredService<IManualStore>().ListRevisionsAsync(id, CancellationToken.None);
        Assert.Equal("第1版を復元", revisions[0].ChangeNote);
    }

    [Theory]
    [InlineData("/manuals/1/compare?from=1&to=99", HttpStatusCode.NotFound)]
    [InlineData("/manuals/1/compare?from=abc&to=1", HttpStatusCode.BadRequest)]
    [InlineData("/manuals/999999/compare?from=1&to=1", HttpStatusCode.NotFound)]
    public async Task Compare_BadInput_Returns4xx(string url, HttpStatusCode expected)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    private Task<long> IdOfAsync(string title) => IdOfAsync(factory, title);

    private static async Task<long> IdOfAsync(ManualsAppFactory factory, string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;

    private async Task<Manual> FindAsync(long id) =>
        (await factory.Services.GetRequiredService<IManualStore>().FindAsync(id, CancellationToken.None))!;
}
