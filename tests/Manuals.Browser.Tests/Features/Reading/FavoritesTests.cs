using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Reading;

/// <summary>A reader keeps a manual they use every month at hand: お気に入り from its page, then on the home page.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class FavoritesTests(BrowserFixture browser)
{
    private const string Title = "電話・来客対応の手順";

    [Fact]
    public async Task Favorite_MarkedFromTheKeyboardOnTheManualPage_IsOnTheHomePageWithTheManualsOpenedLast()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await page.GotoAsync("/manuals");
        await page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        var manual = await ManualPage.ShownAsync(page, Title);

        await page.GetByRole(AriaRole.Button, new() { Name = "お気に入りに追加" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(manual.Flash).ToContainTextAsync("お気に入りに追加しました。");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "お気に入りから外す" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-favorite");
        await page.GotoAsync("/");
        var favorites = page.GetByRole(AriaRole.Region, new() { Name = "お気に入り" });
        var viewed = page.GetByRole(AriaRole.Region, new() { Name = "最近見たマニュアル" });
        await Expect(favorites.GetByRole(AriaRole.Link)).ToHaveTextAsync([Title]);
        await Expect(viewed.GetByRole(AriaRole.Link).First).ToHaveTextAsync(Title);
        await Screenshots.SaveAsync(page, "home-favorites");

        await favorites.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await ManualPage.ShownAsync(page, Title);
        await page.GetByRole(AriaRole.Button, new() { Name = "お気に入りから外す" }).ClickAsync();
        await Expect(manual.Flash).ToContainTextAsync("お気に入りから外しました。");
        await page.GotoAsync("/");
        await Expect(favorites).ToContainTextAsync("お気に入りに追加」を押すと");
    }
}
