using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Reading;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Reading;

/// <summary>お気に入り and 最近見たマニュアル: marked from the manual page, shown on the home page, only for manuals the reader may read.</summary>
public sealed class FavoritesControllerTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Set_ReaderMarksAndUnmarksAManual_HomeListsItWhileMarkedAndThePageOffersTheOtherAction()
    {
        await factory.CreateUserAsync("reader.favorite", Roles.Reader, "経理・財務");
        var reader = await WebSession.SignInAsync(factory, "reader.favorite", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("月次決算の手順");

        var (_, emptyHome) = await reader.GetAsync("/");
        var marked = await reader.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/favorite']", []);
        var (_, page) = await reader.GetAsync($"/manuals/{id}");
        var (_, home) = await reader.GetAsync("/");
        var unmarked = await reader.SubmitAsync($"/manuals/{id}", $"form[action='/manuals/{id}/favorite']", []);
        var (_, homeAfter) = await reader.GetAsync("/");

        Assert.Contains("お気に入りに追加」を押すと", emptyHome.QuerySelector("[aria-labelledby=favorites-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal($"/manuals/{id}", marked.Headers.Location?.OriginalString);
        Assert.Contains("お気に入りに追加しました。", page.QuerySelector(".flash, [role=status]")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("お気に入りから外す", page.QuerySelector($"form[action='/manuals/{id}/favorite']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["月次決算の手順"], home.QuerySelectorAll("[data-favorites] a").Select(a => a.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, unmarked.StatusCode);
        Assert.Null(homeAfter.QuerySelector("[data-favorites]"));
    }

    [Fact]
    public async Task Set_ManualTheReaderMayNotRead_Is403AndUnknownIs404_NothingKept()
    {
        var outsiderId = await factory.CreateUserAsync("reader.favorite.outsider", Roles.Reader, "広報");
        var outsider = await WebSession.SignInAsync(factory, "reader.favorite.outsider", ManualsAppFactory.UserPassword);
        var restricted = await IdOfAsync("給与計算の手順");
        var token = await outsider.TokenFromAsync("/account/password");

        var forbidden = await outsider.PostAsync($"/manuals/{restricted}/favorite", Form(token, "true"));
        var unknown = await outsider.PostAsync("/manuals/99999999/favorite", Form(token, "true"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await Favorites().ListAsync(outsiderId, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "true")]
    [InlineData("token", null)]
    [InlineData("token", "maybe")]
    public async Task Set_NoTokenOrNoClearChoice_Is400AndNothingKept(string? withToken, string? favorite)
    {
        var userName = $"reader.favorite.bad.{withToken}.{favorite}";
        var userId = await factory.CreateUserAsync(userName, Roles.Reader, "経理・財務");
        var reader = await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("月次決算の手順");
        var token = withToken is null ? null : await reader.TokenFromAsync($"/manuals/{id}");

        var response = await reader.PostAsync($"/manuals/{id}/favorite", Form(token, favorite));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Favorites().ListAsync(userId, CancellationToken.None));
    }

    [Fact]
    public async Task Home_ManualsOpened_AreListedNewestFirst_WithoutThoseTheReaderMayNoLongerRead()
    {
        var readerId = await factory.CreateUserAsync("reader.viewed", Roles.Reader, "経理・財務");
        var reader = await WebSession.SignInAsync(factory, "reader.viewed", ManualsAppFactory.UserPassword);
        var closing = await IdOfAsync("月次決算の手順");
        var phone = await IdOfAsync("電話・来客対応の手順");
        // Opened once when the reader could read it (kept as a row), no longer readable now.
        var restricted = await IdOfAsync("給与計算の手順");
        await factory.Services.GetRequiredService<IRecentViewStore>()
            .RecordAsync(readerId, restricted, DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        var (_, emptyHome) = await reader.GetAsync("/");
        await reader.GetAsync($"/manuals/{closing}");
        await reader.GetAsync($"/manuals/{phone}");
        var (_, home) = await reader.GetAsync("/");

        Assert.Null(emptyHome.QuerySelector("[data-recently-viewed]"));
        Assert.Equal(["電話・来客対応の手順", "月次決算の手順"], home.QuerySelectorAll("[data-recently-viewed] a").Select(a => a.TextContent.Trim()));
    }

    private static Dictionary<string, string> Form(string? token, string? favorite)
    {
        var form = new Dictionary<string, string>();
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        if (favorite is not null)
        {
            form["favorite"] = favorite;
        }

        return form;
    }

    private IFavoriteStore Favorites() => factory.Services.GetRequiredService<IFavoriteStore>();

    private async Task<long> IdOfAsync(string title) =>
        (await factory.Services.GetRequiredService<IManualStore>().ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
}
