using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>The editor's conveniences: toolbar, live preview, shortcuts (and IME), autosave and the leave warning.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualEditorTests(BrowserFixture browser)
{
    [Fact]
    public async Task LivePreview_Typing_RendersMarkdownBesideTheTextWithoutSaving()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await ManualNewPage.OpenAsync(page);
        var editor = await ManualEditor.ReadyAsync(page);
        var url = page.Url;

        await editor.Body.PressSequentiallyAsync("## 確認事項\n:::warning\n伝票番号の重複に注意します。\n:::\n- [ ] 承認印");

        await Expect(editor.LivePreview.GetByRole(AriaRole.Heading, new() { Name = "確認事項", Level = 2 })).ToBeVisibleAsync();
        await Expect(editor.LivePreview.GetByRole(AriaRole.Note)).ToContainTextAsync("伝票番号の重複に注意します。");
        await Expect(editor.LivePreview.GetByRole(AriaRole.Checkbox)).ToBeVisibleAsync();
        await Expect(editor.LivePreview).Not.ToContainTextAsync("更新中");
        Assert.Equal(url, page.Url);

        // A later edit replaces the preview, it does not pile up.
        await editor.Body.PressSequentiallyAsync("\n\n## 完了後");
        await Expect(editor.LivePreview.GetByRole(AriaRole.Heading, new() { Name = "完了後" })).ToBeVisibleAsync();
        await Expect(editor.LivePreview.GetByRole(AriaRole.Heading, new() { Name = "確認事項" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ToolbarAndShortcuts_AfterTwoSteps_ContinueNumberingAndInsertCallouts()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await ManualNewPage.OpenAsync(page);
        var editor = await ManualEditor.ReadyAsync(page);
        await editor.Body.FillAsync("## 目的\n経費を正しく精算します。\n\n## 手順\n1. 申請画面を開きます。\n2. 金額を入力します。");
        await editor.CaretToEndAsync();

        await editor.ToolbarButton("手順を追加").ClickAsync();
        await page.Keyboard.InsertTextAsync("上長に回付します。");
        await page.Keyboard.PressAsync("Control+Shift+7");
        await page.Keyboard.InsertTextAsync("経理の確認を待ちます。");
        await editor.ToolbarButton("注意").ClickAsync();
        await page.Keyboard.InsertTextAsync("領収書の原本は1か月保管します。");

        await Expect(editor.Body).ToHaveValueAsync(new Regex(
            @"2\. 金額を入力します。\n3\. 上長に回付します。\n4\. 経理の確認を待ちます。\n\n:::warning\n領収書の原本は1か月保管します。\n:::\n$"));
        var steps = editor.LivePreview.GetByRole(AriaRole.List).First.GetByRole(AriaRole.Listitem);
        await Expect(steps).ToHaveTextAsync(["申請画面を開きます。", "金額を入力します。", "上長に回付します。", "経理の確認を待ちます。"]);
        await Expect(editor.LivePreview.GetByRole(AriaRole.Note)).ToContainTextAsync("領収書の原本は1か月保管します。");

        // The insertions went through the browser's own undo stack.
        await page.Keyboard.PressAsync("Control+z");
        await page.Keyboard.PressAsync("Control+z");
        await Expect(editor.Body).ToHaveValueAsync(new Regex(@"4\. 経理の確認を待ちます。$"));

        // Inserting a step in the middle renumbers the steps after it.
        await editor.Body.EvaluateAsync("(area) => { const i = area.value.indexOf('金額を入力します。') + '金額を入力します。'.length; area.setSelectionRange(i, i); }");
        await editor.ToolbarButton("手順を追加").ClickAsync();
        await page.Keyboard.InsertTextAsync("金額を再確認します。");
        await Expect(editor.Body).ToHaveValueAsync(new Regex(
            @"2\. 金額を入力します。\n3\. 金額を再確認します。\n4\. 上長に回付します。\n5\. 経理の確認を待ちます。$"));
        await Expect(steps).ToHaveCountAsync(5);
        await Screenshots.SaveAsync(page, "editor-toolbar-steps");
    }

    [Fact]
    public async Task CtrlS_InTheEditor_SavesTheManual()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await ManualNewPage.OpenAsync(page);
        var editor = await ManualEditor.ReadyAsync(page);
        await editor.TitleField.FillAsync("名刺の発注手順");
        await editor.Body.FillAsync("## 手順\n1. 名刺発注アプリで申請します。");

        await editor.Body.FocusAsync();
        await page.Keyboard.PressAsync("Control+s");

        var manual = await ManualPage.ShownAsync(page, "名刺の発注手順");
        await Expect(manual.Flash).ToHaveTextAsync("保存しました。");
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第1版");
        Assert.Equal(0, await editor.KeptDraftCountAsync());
    }

    [Fact]
    public async Task Shortcuts_DuringImeComposition_NeverFire()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await CreateManualAsync(page, "IME入力の確認用マニュアル", "## 手順\n1. 画面を開きます。");
        await page.GotoAsync(page.Url + "/edit");
        var editor = await ManualEditor.ReadyAsync(page);
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            // The live preview and the completeness checklist post on their own; only a form submission matters here.
            if (request.Method == "POST" && !request.Url.EndsWith("/manuals/preview", StringComparison.Ordinal)
                && !request.Url.EndsWith("/templates/completeness", StringComparison.Ordinal))
            {
                posts.Add(request.Url);
            }
        };
        var cdp = await context.NewCDPSessionAsync(page);

        // In the title, the IME is composing 「しゅうせい」: the Enter that confirms it must not submit the form.
        await editor.TitleField.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await ComposeAsync(cdp, "しゅうせい");
        await page.Keyboard.PressAsync("Enter");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "（修正）" });
        await Expect(editor.TitleField).ToHaveValueAsync("IME入力の確認用マニュアル（修正）");

        // In the body, while 「かくにん」 is being composed, Ctrl+S, Ctrl+Shift+7 and Ctrl+B belong to the IME.
        await editor.CaretToEndAsync();
        await page.Keyboard.PressAsync("Enter");
        await ComposeAsync(cdp, "かくにん");
        await Expect(editor.Body).ToHaveValueAsync(new Regex("かくにん$"));
        await page.Keyboard.PressAsync("Control+s");
        await page.Keyboard.PressAsync("Control+Shift+7");
        await page.Keyboard.PressAsync("Control+b");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "確認" });

        // The preview of the committed text is a round trip that starts after the key presses: had one of them
        // submitted the form, the submission would have started before it.
        await Expect(editor.LivePreview).ToContainTextAsync("確認");
        await Expect(editor.Body).ToHaveValueAsync("## 手順\n1. 画面を開きます。\n確認");
        Assert.Empty(posts);
        Assert.EndsWith("/edit", page.Url, StringComparison.Ordinal);

        // Once composition has ended the same shortcut saves.
        await page.Keyboard.PressAsync("Control+s");
        var manual = await ManualPage.ShownAsync(page, "IME入力の確認用マニュアル（修正）");
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第2版");
        Assert.Single(posts);
    }

    [Fact]
    public async Task Autosave_TabClosedWithUnsavedText_OffersTheDraftAndRestoresIt()
    {
        const string added = "3. 控えをスキャンして共有フォルダに保存します。";
        await using var context = await browser.NewContextAsync();
        var first = await SignedInAsync(context);
        await CreateManualAsync(first, "押印済み書類の控え", "## 手順\n1. 押印します。\n2. 台帳に記入します。");
        var editUrl = first.Url + "/edit";
        await first.GotoAsync(editUrl);
        var editor = await ManualEditor.ReadyAsync(first);
        await editor.CaretToEndAsync();
        await first.Keyboard.InsertTextAsync("\n" + added);
        await editor.ChangeNote.FillAsync("控えの保存を追加");
        await editor.WaitForKeptDraftAsync("控えの保存を追加");

        // Closing the tab (or a crash) skips the leave warning; the draft is already in the browser.
        await first.CloseAsync();
        var second = await context.NewPageAsync();
        await second.GotoAsync(editUrl);
        editor = await ManualEditor.ReadyAsync(second);

        await Expect(editor.DraftBanner).ToBeVisibleAsync();
        await Expect(editor.DraftBanner).ToContainTextAsync(new Regex(@"保存されていない下書きがあります（\d{4}/\d{2}/\d{2} \d{2}:\d{2}）。復元しますか？"));
        await Expect(editor.Body).Not.ToHaveValueAsync(new Regex(Regex.Escape(added)));
        await Screenshots.SaveAsync(second, "editor-draft-banner");
        await editor.RestoreButton.ClickAsync();

        await Expect(editor.DraftBanner).ToBeHiddenAsync();
        await Expect(editor.Body).ToHaveValueAsync(new Regex(Regex.Escape(added) + "$"));
        await Expect(editor.ChangeNote).ToHaveValueAsync("控えの保存を追加");
        await Expect(editor.Status).ToHaveTextAsync("下書きを復元しました。");
        await Expect(editor.LivePreview).ToContainTextAsync("控えをスキャンして");

        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(second, "押印済み書類の控え");
        await Expect(manual.RevisionNumber).ToHaveTextAsync("第2版");
        await Expect(manual.Article).ToContainTextAsync("控えをスキャンして共有フォルダに保存します。");
        Assert.Equal(0, await editor.KeptDraftCountAsync());
        await second.GotoAsync(editUrl);
        await ManualEditor.ReadyAsync(second);
        await Expect(editor.DraftBanner).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Autosave_SaveRefused_KeepsTheDraftUntilDiscarded()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await CreateManualAsync(page, "受領書の発行手順", "## 手順\n1. 受領書を印刷します。");
        var editUrl = page.Url + "/edit";
        await page.GotoAsync(editUrl);
        var editor = await ManualEditor.ReadyAsync(page);
        await editor.CaretToEndAsync();
        await page.Keyboard.InsertTextAsync("\n2. 角印を押します。");
        await editor.TitleField.FillAsync("");

        await editor.SaveButton.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("タイトルを入力してください。");
        editor = await ManualEditor.ReadyAsync(page);
        await editor.WaitForKeptDraftAsync("角印を押します。");
        await page.CloseAsync();
        page = await context.NewPageAsync();
        await page.GotoAsync(editUrl);
        editor = await ManualEditor.ReadyAsync(page);
        await Expect(editor.DraftBanner).ToBeVisibleAsync();

        await editor.DiscardButton.ClickAsync();

        await Expect(editor.DraftBanner).ToBeHiddenAsync();
        await Expect(editor.Status).ToHaveTextAsync("下書きを破棄しました。");
        await Expect(editor.Body).ToHaveValueAsync("## 手順\n1. 受領書を印刷します。");
        Assert.Equal(0, await editor.KeptDraftCountAsync());
    }

    [Fact]
    public async Task LeavingWithUnsavedChanges_AsksFirst_ButNotAfterSaving()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await CreateManualAsync(page, "会議室の予約手順", "## 手順\n1. 予約システムを開きます。");
        var editUrl = page.Url + "/edit";
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "マニュアル一覧" });

        await page.GotoAsync(editUrl);
        var editor = await ManualEditor.ReadyAsync(page);
        await editor.CaretToEndAsync();
        await page.Keyboard.InsertTextAsync("\n2. 空き状況を確認します。");
        await menu.ClickAsync();
        await ManualListPage.ShownAsync(page);
        Assert.Equal(["beforeunload"], dialogs);

        await page.GotoAsync(editUrl);
        editor = await ManualEditor.ReadyAsync(page);
        await editor.DiscardButton.ClickAsync();
        await editor.CaretToEndAsync();
        await page.Keyboard.InsertTextAsync("\n2. 会議室を選びます。");
        await editor.SaveButton.ClickAsync();
        await ManualPage.ShownAsync(page, "会議室の予約手順");
        await menu.ClickAsync();
        await ManualListPage.ShownAsync(page);
        Assert.Equal(["beforeunload"], dialogs);
    }

    [Fact]
    public async Task Editor_DesktopAndPhone_ToolbarAndPreviewFit()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var list = await ManualListPage.ShownAsync(page);
        await list.ShowDepartmentAsync("総務");
        var manual = await list.OpenManualAsync("備品・消耗品の発注手順");
        await manual.EditLink.ClickAsync();
        var editor = await ManualEditor.ReadyAsync(page);
        await Expect(editor.LivePreview.GetByRole(AriaRole.Heading, new() { Name = "手順", Exact = true })).ToBeVisibleAsync();

        var textBox = await editor.Body.BoundingBoxAsync();
        var previewBox = await editor.LivePreview.BoundingBoxAsync();
        Assert.True(previewBox!.X > textBox!.X + textBox.Width - 1, "the preview sits beside the text at 1280 px");
        await Screenshots.SaveAsync(page, "editor-desktop");

        await page.SetViewportSizeAsync(390, 844);
        textBox = await editor.Body.BoundingBoxAsync();
        previewBox = await editor.LivePreview.BoundingBoxAsync();
        Assert.True(previewBox!.Y >= textBox!.Y + textBox.Height, "the preview sits below the text on a phone");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "nothing scrolls sideways at 390 px");
        var lastButton = await editor.ToolbarButton("画像").BoundingBoxAsync();
        Assert.True(lastButton!.X + lastButton.Width <= 390);
        await Screenshots.SaveAsync(page, "editor-phone");
        await Screenshots.SaveAreaAsync(page, "editor-phone-editor", editor.Toolbar, editor.LivePreview);
    }

    [Fact]
    public async Task Toolbar_Keyboard_OneTabStopAndArrowKeys()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await ManualNewPage.OpenAsync(page);
        var editor = await ManualEditor.ReadyAsync(page);
        await editor.Body.FillAsync("手順書");
        await editor.Body.EvaluateAsync("(area) => area.setSelectionRange(0, 0)");

        await editor.ToolbarButton("見出し").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(editor.ToolbarButton("手順を追加")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(editor.ToolbarButton("画像")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Enter");

        await Expect(editor.Body).ToHaveValueAsync("## 手順書");
        await Expect(editor.Body).ToBeFocusedAsync();
        await Expect(editor.ToolbarButton("見出し")).ToHaveAttributeAsync("title", "行の先頭に見出し（## ）を入れます（Ctrl+Alt+2）");
        await Expect(editor.Toolbar.Locator("[tabindex='0']")).ToHaveCountAsync(1);
    }

    /// <summary>Starts (or updates) an IME composition at the caret, as a Japanese IME does while converting.</summary>
    private static async Task ComposeAsync(ICDPSession cdp, string text) =>
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = text, ["selectionStart"] = text.Length, ["selectionEnd"] = text.Length });

    private static async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        return page;
    }

    /// <summary>Creates a manual through the form and leaves the browser on its page.</summary>
    private static async Task CreateManualAsync(IPage page, string title, string body)
    {
        var form = await ManualNewPage.OpenAsync(page);
        await form.TitleField.FillAsync(title);
        await form.Body.FillAsync(body);
        await form.SaveAsync();
    }
}
