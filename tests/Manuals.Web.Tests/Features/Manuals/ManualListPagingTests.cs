using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>The manual list shows a page at a time (issue #18): newer and older pages, never a manual twice or missed.</summary>
public sealed class ManualListPagingTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const long GeneralAffairs = 3;

    [Fact]
    public async Task Index_MoreManualsThanAPage_PagesOlderAndBackWithEveryManualOnce()
    {
        await ManualSeeds.PublishAsync(factory, GeneralAffairs, ManualPages.ListPageSize + 7, i => $"備品台帳の点検 {i:D2}", DateTimeOffset.UtcNow.AddDays(-1));
        var store = factory.Services.GetRequiredService<IManualStore>();
        await factory.CreateUserAsync("reader.paging", Roles.Reader, "広報");
        var reader = await WebSession.SignInAsync(factory, "reader.paging", ManualsAppFactory.UserPassword);
        var expected = (await store.ListAsync(GeneralAffairs, CancellationToken.None))
            .Where(m => m.Status != ManualStatus.Draft && m.Visibility == ManualVisibility.Company)
            .Select(m => $"/manuals/{m.Id}")
            .ToList();

        var (firstResponse, first) = await reader.GetAsync($"/manuals?department={GeneralAffairs}");
        var olderLink = first.QuerySelector(".pagination a[rel=next]")?.GetAttribute("href");
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));
        Assert.NotNull(olderLink);
        var (_, second) = await reader.GetAsync(olderLink);
        var newerLink = second.QuerySelector(".pagination a[rel=prev]")?.GetAttribute("href");
        Assert.NotNull(newerLink);
        var (_, back) = await reader.GetAsync(newerLink);

        var shown = Links(first).Concat(Links(second)).ToList();
        Assert.Equal(ManualPages.ListPageSize, Links(first).Count);
        Assert.Equal(expected, shown);
        Assert.Equal(Links(first), Links(back));
        Assert.Equal("さらに古いマニュアル", first.QuerySelector(".pagination a[rel=next]")!.TextContent.Trim());
        // The department's tab counts every manual the reader may read there, not just the page.
        var tab = first.QuerySelector($".department-nav a[href='/manuals?department={GeneralAffairs}'] .count")!.TextContent;
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), tab);
    }

    [Theory]
    [InlineData("/manuals?after=abc")]
    [InlineData("/manuals?before=-1x")]
    public async Task Index_PositionNotANumber_Is400(string url)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Index_PositionOfAnUnknownManual_ShowsTheFirstPage()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (response, document) = await admin.GetAsync("/manuals?after=987654321");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Links(document));
    }

    private static List<string> Links(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".manual-list tbody a").Select(a => a.GetAttribute("href")!).ToList();
}
