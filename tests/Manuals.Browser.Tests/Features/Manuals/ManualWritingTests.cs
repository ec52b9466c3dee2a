using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualWritingTests(BrowserFixture browser)
{
    [Fact]
    public async Task CreateManual_PreviewThenSave_ShowsRenderedManualInItsDepartment()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var form = await ManualNewPage.OpenAsync(page);

        await form.TitleField.FillAsync("来客用駐車場の予約手順");
        await form.Department.SelectOptionAsync(new SelectOptionValue { Label = "総務" });
        await form.Status.SelectOptionAsync(new SelectOptionValue { Label = "公開" });
        await form.Tags.FillAsync("来客、駐車場");
        await form.Body.FillAsync("""
            ## 目的
            来客用駐車場の二重予約を防ぎます。

            ## 手順
            1. **予約表を開く** — 共有フォルダの「駐車場予約表」を開きます。
            2. **空き枠に記入する** — 来社日時・会社名・車両番号を記入します。

            :::warning
            前日17時以降の予約は総務へ電話で連絡してください。
            :::
            """);
        await form.PreviewButton.ClickAsync();

        await Expect(form.Preview.GetByRole(AriaRole.Heading, new() { Name = "目的" })).ToBeVisibleAsync();
        await Expect(form.Preview.GetByRole(AriaRole.Note)).ToContainTextAsync("前日17時以降");
        await Expect(form.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("駐車場予約表"));
        await Screenshots.SaveAsync(page, "manual-new-preview");

        var manual = await form.SaveAsync();

        await Expect(manual.Flash).ToHaveTextAsync("保存しました。");
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第1版");
        await Expect(manual.Article.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "予約表を開く" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "現在位置" }).GetByRole(AriaRole.Link, new() { Name = "総務" }).ClickAsync();
        var list = await ManualListPage.ShownAsync(page);
        await Expect(list.ManualLink("来客用駐車場の予約手順")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EditSameManualInTwoTabs_SecondSave_ShowsConflictWithTextKept()
    {
        const string title = "郵便物の仕分けと配布";
        const string secondText = "書留は受領印を押してから台帳に記入します。";
        await using var context = await browser.NewContextAsync();
        var first = await context.NewPageAsync();
        var list = await (await SignInPage.OpenAsync(first)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var firstForm = await (await list.OpenManualAsync(title)).EditAsync();
        var second = await context.NewPageAsync();
        await second.GotoAsync(first.Url);
        var secondForm = await ManualEditPage.ShownAsync(second);

        await firstForm.AppendToBodyAsync("先に保存された追記です。");
        await firstForm.SaveAsync("先に保存");
        await secondForm.AppendToBodyAsync(secondText);
        await secondForm.ChangeNote.FillAsync("書留の扱いを追記");
        await secondForm.SaveButton.ClickAsync();

        // The same user saved first, in the other tab: the page says so instead of blaming someone else.
        var conflict = await ManualConflictPage.ShownAsync(second, "別のタブで先に保存されています");
        await Expect(conflict.Summary).ToContainTextAsync("あなたが別のタブ");
        await Expect(conflict.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(secondText));
        await Expect(second.GetByRole(AriaRole.Region, new() { Name = "あなたの変更（編集を始めたときから）" })).ToContainTextAsync(secondText);
        await Screenshots.SaveAsync(second, "manual-conflict");

        await conflict.SaveButton.ClickAsync();
        var saved = await ManualPage.ShownAsync(second, title);
        await Expect(saved.Article).ToContainTextAsync(secondText);
        await Expect(saved.RevisionNumber).ToHaveTextAsync("第3版");
    }

    [Fact]
    public async Task FooterLanguageSwitch_English_TranslatesTheList()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manuals", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }))).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-list-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "日本語" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "マニュアル一覧", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "manual-list");
    }
}
