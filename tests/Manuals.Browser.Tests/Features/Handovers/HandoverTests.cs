using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Handovers;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class HandoverTests(BrowserFixture browser)
{
    // 総務's veteran who leaves soon (退職予定); no other browser test touches 総務's matrix.
    private const string Employee = "中山 修";
    private const string SealTask = "印鑑の管理と押印申請の受付";
    private const string LeaseTask = "賃貸借契約（オフィス）の管理";

    [Fact]
    public async Task StartTickSignComplete_SampleEmployee_MatrixAndStatusFollow()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        await MainMenu.OpenAsync(page, "引継ぎ");
        await page.GetByRole(AriaRole.Link, new() { Name = "引継ぎを開始" }).First.ClickAsync();
        await page.GetByLabel("前任者").SelectOptionAsync(await OptionValueAsync(page, Employee));
        await page.GetByRole(AriaRole.Button, new() { Name = "対象の業務を表示" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region).Filter(new() { HasText = $"{Employee}さんの引継ぎ対象の業務" });
        await Expect(preview).ToContainTextAsync(SealTask);
        await Expect(preview).ToContainTextAsync(LeaseTask);
        await Expect(page.GetByLabel("退職", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("管理者").FillAsync("松田 康弘");
        await Screenshots.SaveAsync(page, "handover-start");
        await page.GetByRole(AriaRole.Button, new() { Name = "引継ぎを開始する" }).ClickAsync();

        var handover = await HandoverPage.ShownAsync(page, Employee);
        await Expect(handover.Flash).ToContainTextAsync("引継ぎを開始しました");
        await Expect(handover.Row(SealTask)).ToBeVisibleAsync();
        await Expect(handover.Row(LeaseTask)).ToBeVisibleAsync();
        await Expect(handover.Progress).ToHaveAttributeAsync("value", "0");

        foreach (var box in new[] { "マニュアル確認", "同席して実施", "単独で実施", "権限・アカウント移管" })
        {
            await handover.Check(SealTask, box).CheckAsync();
        }

        var successor = await handover.Successor(SealTask).InputValueAsync();
        Assert.NotEqual("", successor);
        await page.GetByLabel("アカウントと権限のメモ").FillAsync("押印管理システムの管理者権限");
        await handover.SaveButton.ClickAsync();
        await Expect(handover.Flash).ToHaveTextAsync("チェックリストを保存しました。");
        await Expect(handover.Check(SealTask, "単独で実施")).ToBeCheckedAsync();
        await Expect(handover.Progress).Not.ToHaveAttributeAsync("value", "0");
        await Screenshots.SaveAsync(page, "handover-checklist");

        // The printed checklist: the print page in print media, then the PDF the server makes, read back as text.
        await page.GetByRole(AriaRole.Link, new() { Name = "印刷用ページ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "業務引継ぎチェックリスト", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "handover-print-preview");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDFをダウンロード" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = Path.Combine(RepositoryRoot.Path, "artifacts", "print", "handover-checklist.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await download.SaveAsAsync(pdf);
        var text = string.Concat((await Poppler.TextAsync(pdf)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("中山修", text, StringComparison.Ordinal);
        foreach (var task in await handover.TaskNamesAsync())
        {
            Assert.Contains(string.Concat(task.Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "チェックリストに戻る" }).ClickAsync();
        handover = await HandoverPage.ShownAsync(page, Employee);
        // The sample people have no accounts: the Admin records their boxes on their behalf and signs the manager's.
        await handover.SignAsync("前任者", Employee);
        await handover.SignAsync("管理者", "松田 康弘");
        await handover.SignEveryOpenBoxAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = $"前任者 {Employee}" })).ToContainTextAsync("代理で記録");
        await Screenshots.SaveAsync(page, "handover-signoffs");
        await page.GetByRole(AriaRole.Link, new() { Name = "引継ぎを完了する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Employee}さんの引継ぎを完了");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "星取表の変更" })).ToContainTextAsync(SealTask);
        await Screenshots.SaveAsync(page, "handover-complete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "完了する" }).ClickAsync();

        handover = await HandoverPage.ShownAsync(page, Employee);
        await Expect(handover.Flash).ToContainTextAsync("引継ぎを完了しました");
        await Expect(handover.Heading).ToContainTextAsync("完了");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "履歴" })).ToContainTextAsync("星取表「" + SealTask);
    }

    private static async Task<string> OptionValueAsync(IPage page, string employee) =>
        await page.GetByLabel("前任者").Locator("option", new() { HasText = employee }).GetAttributeAsync("value") ?? "";
}
