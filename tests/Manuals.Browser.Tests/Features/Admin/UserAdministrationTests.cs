using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Admin;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class UserAdministrationTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminCreatesEditor_EditorSignsInAndSeesNewManualInTheirDepartment()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var form = await UserFormPage.OpenNewAsync(page);

        await form.UserName.FillAsync("sato.hanako");
        await form.DisplayName.FillAsync("佐藤 花子");
        await form.Email.FillAsync("sato@example.co.jp");
        await form.InitialPassword.FillAsync("hajimete-no-password");
        await form.Role("編集者").CheckAsync();
        await form.Department("人事・労務").CheckAsync();
        await Screenshots.SaveAsync(page, "admin-user-new");
        await form.SaveButton.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("ユーザー「sato.hanako」を追加しました。");
        await MainMenu.OpenAsync(page, "管理", exact: true);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "sato.hanako" });
        await Expect(row).ToContainTextAsync("佐藤 花子");
        await Expect(row).ToContainTextAsync("編集者");
        await Expect(row).ToContainTextAsync("人事・労務");
        await Screenshots.SaveAsync(page, "admin-users");

        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        var list = await (await SignInPage.ShownAsync(page)).SignInFirstTimeAsync("sato.hanako", "hajimete-no-password", "jibun-de-kimeta-password");
        await Expect(page.GetByText("佐藤 花子")).ToBeVisibleAsync();
        await Expect(list.ManualLink("給与計算の手順")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_ShowsJapaneseNotFoundPage()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        var response = await page.GotoAsync("/manuals/987654");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ページが見つかりません" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "マニュアル一覧へ戻る" }).ClickAsync();
        await ManualListPage.ShownAsync(page);
    }
}
