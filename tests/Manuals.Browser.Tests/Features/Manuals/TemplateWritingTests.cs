using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class TemplateWritingTests(BrowserFixture browser)
{
    [Fact]
    public async Task CreateFromTemplate_PublishRefusedWhileRequiredSectionsEmpty_ThenPublished()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var form = await ManualNewPage.OpenAsync(page, template: "業務手順書");
        await Expect(form.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("## 目的"));
        await Expect(form.Completeness).ToContainTextAsync("未記入");

        await form.TitleField.FillAsync("宅配便の発送手順");
        await form.Department.SelectOptionAsync(new SelectOptionValue { Label = "総務" });
        await form.Status.SelectOptionAsync(new SelectOptionValue { Label = "公開" });
        await form.SaveButton.ClickAsync();

        await Expect(form.Errors).ToContainTextAsync("必須セクションが未記入のため公開できません");
        await Expect(form.Errors).ToContainTextAsync("目的");
        await Expect(form.TitleField).ToHaveValueAsync("宅配便の発送手順");
        await Screenshots.SaveAsync(page, "template-publish-refused");

        await form.Body.FillAsync("""
            ## 目的
            取引先への書類や備品を、期日までに確実に届けます。

            ## 手順
            1. **伝票を書く** — 送り状に宛先と品名を記入します。
            2. **集荷を依頼する** — 15時までに配送業者へ連絡します。

            ## 例外・注意点
            :::warning
            現金や有価証券は宅配便では送れません。書留を使います。
            :::
            """);
        await Expect(form.Completeness).ToContainTextAsync("必須セクションはすべて記入済みです"); // updated live, before saving
        var manual = await form.SaveAsync();

        await Expect(manual.Flash).ToHaveTextAsync("保存しました。");
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^記入状況") })).ToContainTextAsync("必須セクションはすべて記入済みです");
        await Expect(manual.Article).ToContainTextAsync("集荷を依頼する");
    }
}
