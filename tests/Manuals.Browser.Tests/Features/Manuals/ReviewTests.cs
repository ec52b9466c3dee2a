using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class ReviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task TakeOwnershipAndMarkReviewed_ShowsReviewerAndNextDueDate()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var manual = await list.OpenManualAsync("プレスリリース配信の手順");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "レビューと担当" });

        await panel.GetByText("担当者・レビュー間隔を変更").ClickAsync();
        await panel.GetByLabel("担当者").SelectOptionAsync(new SelectOptionValue { Label = "管理者 (admin)" });
        await panel.GetByLabel("レビュー間隔（日）").FillAsync("90");
        await panel.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(manual.Flash).ToHaveTextAsync("担当者とレビュー間隔を保存しました。");
        await Expect(panel).ToContainTextAsync("90日ごと");

        await panel.GetByRole(AriaRole.Button, new() { Name = "レビュー済みにする" }).ClickAsync();

        await Expect(manual.Flash).ToHaveTextAsync("レビュー済みとして記録しました。");
        await Expect(panel).ToContainTextAsync("（管理者）");
        await Expect(panel).ToContainTextAsync("あと89日");
        await Screenshots.SaveAsync(page, "manual-review-panel");
        await page.GetByRole(AriaRole.Link, new() { Name = "業務マニュアル" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "レビューが必要なあなたのマニュアル" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home");
    }
}
