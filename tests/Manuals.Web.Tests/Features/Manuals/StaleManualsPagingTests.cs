using System.Net;
using Manuals.Web.Features.Manuals;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>The manuals past their review date (for Admins) show a hundred at a time, each once.</summary>
public sealed class StaleManualsPagingTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const long GeneralAffairs = 3;

    [Fact]
    public async Task Stale_MoreOverdueThanAPage_PagesOfAHundredWithEveryManualOnce()
    {
        await ManualSeeds.PublishAsync(factory, GeneralAffairs, StaleManualsPage.PageSize + 5, i => $"古い点検表 {i:D3}", DateTimeOffset.UtcNow.AddDays(-400));

        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, first) = await admin.GetAsync("/manuals/stale");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = int.Parse(first.QuerySelector(".list-range")!.TextContent.Split('全', '件')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= StaleManualsPage.PageSize + 5, $"{total} overdue");
        Assert.Equal($"1〜100件目を表示しています（全{total}件、期限切れの古い順）。", first.QuerySelector(".list-range")!.TextContent);
        Assert.Equal(StaleManualsPage.PageSize, first.QuerySelectorAll("tbody tr").Length);
        var next = first.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/manuals/stale?page=2", next);
        var (_, second) = await admin.GetAsync(next);
        var titles = first.QuerySelectorAll("tbody tr td:first-child").Concat(second.QuerySelectorAll("tbody tr td:first-child")).Select(c => c.TextContent).ToList();
        Assert.Equal(total, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(Enumerable.Range(0, StaleManualsPage.PageSize + 5), i => Assert.Contains($"古い点検表 {i:D3}", titles));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/manuals/stale?page=abc")).Response.StatusCode);
    }
}
