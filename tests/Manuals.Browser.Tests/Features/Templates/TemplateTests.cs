using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Templates;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class TemplateTests(BrowserFixture browser)
{
    private const string EditorName = "suzuki.templates";
    private const string EditorPassword = "suzuki-no-password";

    [Fact]
    public async Task EnterInTheNameField_SavesTheTemplate()
    {
        const string name = "来客受付（Enterで保存）";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var form = await (await TemplateListPage.OpenAsync(page)).NewTemplateAsync();
        await form.Skeleton.FillAsync("## 目的\n\n（目的を書きます）\n\n## 手順\n\n1. （手順を書きます）\n");
        await form.Name.FillAsync(name);

        await form.Name.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"テンプレート「{name}」を作成しました。");
    }

    [Fact]
    public async Task EditorCreatesTemplate_RereadsHeadingsAndMarksRequired_TemplateAppearsInChooser()
    {
        const string name = "問い合わせ対応（社内ヘルプデスク）";
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsEditorAsync(page);
        var list = await TemplateListPage.OpenAsync(page);
        await Expect(list.Templates.GetByRole(AriaRole.Row).Filter(new() { HasText = "業務手順書" })).ToContainTextAsync("目的、手順、例外・注意点");
        await Screenshots.SaveAsync(page, "templates");

        // A built-in is for the Editor to use and copy, not to change: only Admins do.
        await list.Templates.GetByRole(AriaRole.Link, new() { Name = "業務手順書", Exact = true }).ClickAsync();
        await Expect(page.GetByText("標準テンプレートを変更・廃止できるのは管理者だけです。", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "このテンプレートでマニュアルを作成" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "編集する", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "廃止する", Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "template-builtin-editor");

        list = await TemplateListPage.OpenAsync(page);
        var form = await list.NewTemplateAsync();
        await form.Name.FillAsync(name);
        await form.Description.FillAsync("社内からの問い合わせを受けて、回答するまでの流れを書くためのテンプレートです。");
        await form.Skeleton.FillAsync("""
            ## 目的

            （この問い合わせ窓口が何を解決するのかを書きます）

            ## 受付の手順

            1. **（受付）** — （問い合わせを受けたら最初に行うことを書きます）

            ## よくある質問

            - （質問と回答を書きます）
            """);
        await form.RereadHeadingsButton.ClickAsync();
        await Expect(form.Required("よくある質問")).ToBeVisibleAsync();
        await form.Required("目的").CheckAsync();
        await form.Required("受付の手順").CheckAsync();
        await Screenshots.SaveAsync(page, "template-new");
        await form.SaveAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"テンプレート「{name}」を作成しました。");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "ひな形" }).GetByRole(AriaRole.Heading, new() { Name = "受付の手順" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "編集する", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "廃止する", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "template-show");

        var chooser = await (await TemplateListPage.OpenAsync(page)).OpenChooserAsync();
        await Expect(chooser.Card(name)).ToBeVisibleAsync();
        await Expect(chooser.Sections(name)).ToHaveTextAsync(["目的 必須", "受付の手順 必須", "よくある質問"]);
        await Expect(chooser.Card("業務手順書")).ToContainTextAsync("ノウハウ（フローに書けないコツ）");
        await Expect(chooser.BlankLink).ToHaveAttributeAsync("href", "/manuals/new");
        await Screenshots.SaveAsync(page, "template-chooser");

        await chooser.UseLink(name).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/manuals/new\?template=\d+$"));
    }

    /// <summary>The admin adds an Editor through the user pages (the app has no other way in), then the Editor signs in.</summary>
    private static async Task SignInAsEditorAsync(IPage page)
    {
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var user = await UserFormPage.OpenNewAsync(page);
        await user.UserName.FillAsync(EditorName);
        await user.DisplayName.FillAsync("鈴木 次郎");
        await user.InitialPassword.FillAsync(EditorPassword);
        await user.Role("編集者").CheckAsync();
        await user.Department("情報システム").CheckAsync();
        await user.SaveButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"ユーザー「{EditorName}」を追加しました。");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await (await SignInPage.ShownAsync(page)).SignInFirstTimeAsync(EditorName, EditorPassword, EditorPassword + "-own");
    }
}
