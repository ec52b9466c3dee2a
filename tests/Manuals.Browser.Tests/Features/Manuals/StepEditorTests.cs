using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>
/// The step editor (かんたん編集) as a writer who never types Markdown uses it: sections as fields, steps as cards with
/// screenshots and boxes, moved by keyboard and by drag, and what it makes on the manual page, in step mode and in print.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class StepEditorTests(BrowserFixture browser)
{
    private const string MakeScreenshotScript = """
        async (field, label) => {
          const canvas = document.createElement('canvas');
          canvas.width = 800;
          canvas.height = 450;
          const g = canvas.getContext('2d');
          g.fillStyle = '#eef4fb';
          g.fillRect(0, 0, 800, 450);
          g.fillStyle = '#1d4e89';
          g.font = '40px sans-serif';
          g.fillText(label, 40, 220);
          const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
          const data = new DataTransfer();
          data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
          field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """;

    [Fact]
    public async Task WriteFromTemplate_WithoutTypingMarkdown_PageStepModeAndPrintShowWhatTheEditorShowed()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await Expect(editor.Block("目的")).ToContainTextAsync("必須");
        await Expect(editor.Block("目的")).ToContainTextAsync("未記入");
        await Expect(editor.Cards).ToHaveCountAsync(3);
        await editor.TitleField.FillAsync("名刺の発注手順");
        await editor.Department.SelectOptionAsync(new SelectOptionValue { Label = "総務" });
        await editor.Status.SelectOptionAsync(new SelectOptionValue { Label = "公開" });

        // 目的, with a bold phrase from the toolbar: the field shows it bold as it is written, not as Markdown.
        await editor.SectionText("目的").FillAsync("新しく入った人の名刺を、");
        await editor.ToolbarButton("太字").ClickAsync();
        await page.Keyboard.InsertTextAsync("入社日まで");
        await editor.ToolbarButton("太字").ClickAsync();
        await page.Keyboard.InsertTextAsync("に用意します。");
        await Expect(editor.SectionText("目的").Locator("strong")).ToHaveTextAsync("入社日まで");
        await Expect(editor.SectionText("目的")).ToHaveTextAsync("新しく入った人の名刺を、入社日までに用意します。");
        await Expect(editor.Block("目的")).ToContainTextAsync("記入済み");
        await editor.SectionText("対象・前提").FillAsync("総務部の担当者が行います。発注サイトのアカウントが必要です。");

        // Five steps: the template's three and two more.
        string[] titles = ["申請を受け取る", "内容を確認する", "発注する", "納品を確認する", "本人に渡す"];
        for (var i = 0; i < 3; i++)
        {
            await editor.CardTitle(i + 1).FillAsync(titles[i]);
            await editor.CardText(i + 1).FillAsync($"{titles[i]}ときの作業です。");
        }

        await editor.AddStepButton.ClickAsync();
        await Expect(editor.CardTitle(4)).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync(titles[3]);
        await editor.CardText(4).FillAsync("届いた箱の数を数えます。");
        await editor.CardButton(4, "下に手順を追加").ClickAsync();
        await editor.CardTitle(5).FillAsync(titles[4]);
        await editor.CardText(5).FillAsync("受け取りのサインをもらいます。");
        await Expect(editor.Cards).ToHaveCountAsync(5);

        // A screenshot pasted onto cards 1 and 3 is shown on the card as a picture, not as Markdown.
        await editor.CardText(1).EvaluateAsync(MakeScreenshotScript, "申請フォーム");
        await editor.CardText(3).EvaluateAsync(MakeScreenshotScript, "発注サイト");
        await Expect(editor.Card(1).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
        await Expect(editor.Card(3).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
        await Expect(editor.CardText(1)).ToHaveTextAsync("申請を受け取るときの作業です。");

        // A 注意 box on card 2, from the card's button.
        await editor.CardButton(2, "＋ 注意").ClickAsync();
        await page.Keyboard.InsertTextAsync("肩書きが未定のときは人事に確認します。");

        // Reordered by keyboard: step 5 moves up one place, and the move is announced.
        await editor.CardButton(5, "上へ").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(editor.CardTitle(4)).ToHaveValueAsync("本人に渡す");
        await Expect(editor.Announcement).ToHaveTextAsync("「本人に渡す」を 4 番目に移動しました。");
        await Expect(editor.CardButton(4, "上へ")).ToBeFocusedAsync();

        // Reordered by drag: step 1 is dropped on the lower half of step 2. The drag events are dispatched in the page,
        // as the browser sends them (Playwright's mouse drag does not reliably start an HTML drag in this page).
        await DragCardAsync(editor.CardHandle(1), editor.Card(2), below: true);
        await Expect(editor.CardTitle(1)).ToHaveValueAsync("内容を確認する");
        await Expect(editor.CardTitle(2)).ToHaveValueAsync("申請を受け取る");

        // Deleted, then brought back.
        await editor.CardButton(3, "削除").ClickAsync();
        await Expect(editor.Cards).ToHaveCountAsync(4);
        await editor.Announcement.GetByRole(AriaRole.Button, new() { Name = "元に戻す" }).ClickAsync();
        await Expect(editor.Cards).ToHaveCountAsync(5);
        await Expect(editor.CardTitle(3)).ToHaveValueAsync("発注する");

        // 例外・注意点: a 注意 box from the toolbar, then a sentence under it.
        await editor.SectionText("例外・注意点").FocusAsync();
        await editor.ToolbarButton("注意").ClickAsync();
        await page.Keyboard.InsertTextAsync("締め日の前日までに発注します。");
        await Expect(editor.Block("例外・注意点").GetByLabel("囲みの種類")).ToHaveValueAsync("warning");
        await Expect(editor.Block("例外・注意点").GetByLabel("囲みの文章")).ToHaveValueAsync("締め日の前日までに発注します。");
        await Expect(editor.Block("例外・注意点")).ToContainTextAsync("記入済み");
        await Screenshots.SaveAsync(page, "step-editor-written");

        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(page, "名刺の発注手順");

        string[] order = ["内容を確認する", "申請を受け取る", "発注する", "本人に渡す", "納品を確認する"];
        var steps = manual.Article.Locator("ol.steps > li");
        await Expect(steps).ToHaveCountAsync(5);
        for (var i = 0; i < order.Length; i++)
        {
            await Expect(steps.Nth(i)).ToContainTextAsync(order[i]);
        }

        await Expect(steps.Nth(1).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
        await Expect(steps.Nth(2).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
        await Expect(steps.Nth(0).GetByRole(AriaRole.Note)).ToContainTextAsync("肩書きが未定のときは人事に確認します。");
        await Expect(manual.Article.Locator("strong", new() { HasText = "入社日まで" })).ToBeVisibleAsync();
        await Expect(manual.Article.Locator(".callout-warning", new() { HasText = "締め日の前日までに発注します。" })).ToBeVisibleAsync();
        await Expect(manual.Article).Not.ToContainTextAsync("**");
        await Expect(manual.Article).Not.ToContainTextAsync(":::");
        await Expect(manual.Article).Not.ToContainTextAsync("（経験から分かったコツ");
        await Screenshots.SaveAsync(page, "step-editor-manual-page");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".review-panel")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^記入状況") })).ToBeHiddenAsync();
        await Expect(manual.Article.Locator("ol.steps > li")).ToHaveCountAsync(5);
        await Screenshots.SaveAsync(page, "step-editor-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var stepMode = await manual.OpenStepModeAsync();
        await stepMode.ExpectStepAsync(1, 5, "内容を確認する");
        await Expect(page.Locator("details.step-mode__before")).ToContainTextAsync("発注サイトのアカウントが必要です。");
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("肩書きが未定のときは人事に確認します。");
        await Screenshots.SaveAsync(page, "step-editor-step-mode");
        await stepMode.Next.ClickAsync();
        await stepMode.ExpectStepAsync(2, 5, "申請を受け取る");
        await Expect(page.Locator(".step-mode__body img")).ToHaveAttributeAsync("src", ImagePath());
    }

    [Fact]
    public async Task CardText_DuringImeComposition_ShortcutsNeverFireAndNothingIsLost()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && !request.Url.EndsWith("/manuals/preview", StringComparison.Ordinal))
            {
                posts.Add(request.Url);
            }
        };
        var cdp = await context.NewCDPSessionAsync(page);
        await editor.CardText(1).FocusAsync();

        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "かくにん", ["selectionStart"] = 4, ["selectionEnd"] = 4 });
        await page.Keyboard.PressAsync("Control+s");
        await page.Keyboard.PressAsync("Control+b");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "確認" });
        await editor.CardTitle(1).FocusAsync();
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "はっちゅう", ["selectionStart"] = 5, ["selectionEnd"] = 5 });
        await page.Keyboard.PressAsync("Enter");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "発注" });

        await Expect(editor.CardText(1)).ToHaveTextAsync("確認");
        await Expect(editor.CardTitle(1)).ToHaveValueAsync("発注");
        Assert.Empty(posts);
        Assert.Matches(new Regex(@"/manuals/new\?template=\d+$"), page.Url);
    }

    [Fact]
    public async Task LeavingWithUnsavedCards_IsWarned_AndCtrlSSavesWithoutAWarning()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        var list = await ManualListPage.ShownAsync(page);
        await list.ShowDepartmentAsync("一般事務");
        var manual = await list.OpenManualAsync("電話・来客対応の手順");
        await manual.EditLink.ClickAsync();
        var editor = await StepEditorPage.ReadyAsync(page);

        await editor.CardTitle(1).FillAsync("電話に出る（3コール以内）");
        await MainMenu.OpenAsync(page, "マニュアル一覧");
        await ManualListPage.ShownAsync(page);
        Assert.Equal(["beforeunload"], dialogs);

        await page.GoBackAsync();
        editor = await StepEditorPage.ReadyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "復元する", Exact = true }).ClickAsync();
        await Expect(editor.CardTitle(1)).ToHaveValueAsync("電話に出る（3コール以内）");
        await editor.CardText(1).FocusAsync();
        await page.Keyboard.PressAsync("Control+s");
        var saved = await ManualPage.ShownAsync(page, "電話・来客対応の手順");
        await Expect(saved.Article.Locator("ol.steps > li").First).ToContainTextAsync("電話に出る（3コール以内）");
        await MainMenu.OpenAsync(page, "マニュアル一覧");
        await ManualListPage.ShownAsync(page);
        Assert.Equal(["beforeunload"], dialogs);
    }

    [Fact]
    public async Task DraftOfTheStepEditor_RestoredAfterReload_WithItsExtraCardsAndScreenshot()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await editor.AddStepButton.ClickAsync();
        await editor.AddStepButton.ClickAsync();
        await editor.CardTitle(5).FillAsync("五つ目の手順");
        await editor.CardText(4).EvaluateAsync(MakeScreenshotScript, "四つ目");
        await Expect(editor.Card(4).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('manuals.draft.') && localStorage.getItem(k).includes('五つ目の手順') && localStorage.getItem(k).includes('/images/'))");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ReloadAsync();
        editor = await StepEditorPage.ReadyAsync(page);
        await Expect(editor.Cards).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "復元する", Exact = true }).ClickAsync();

        await Expect(editor.Cards).ToHaveCountAsync(5);
        await Expect(editor.CardTitle(5)).ToHaveValueAsync("五つ目の手順");
        await Expect(editor.Card(4).GetByRole(AriaRole.Img)).ToHaveAttributeAsync("src", ImagePath());
    }

    [Fact]
    public async Task DraftFromTheMarkdownEditor_RestoredInTheStepEditor_ShowsItsTextInTheFields()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var form = await ManualNewPage.OpenAsync(page);
        var markdownEditor = await ManualEditor.ReadyAsync(page);
        await form.TitleField.FillAsync("下書きの引き継ぎ");
        await markdownEditor.Body.FillAsync("## 目的\n\nMarkdownで書いた目的。\n\n## 手順\n\n1. **確認する** — 書類を見ます。\n");
        await markdownEditor.WaitForKeptDraftAsync("Markdownで書いた目的。");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/manuals/new?editor=steps");
        var editor = await StepEditorPage.ReadyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "復元する", Exact = true }).ClickAsync();

        await Expect(editor.SectionText("目的")).ToHaveTextAsync("Markdownで書いた目的。");
        await Expect(editor.CardTitle(1)).ToHaveValueAsync("確認する");
        await Expect(editor.TitleField).ToHaveValueAsync("下書きの引き継ぎ");
    }

    [Fact]
    public async Task Phone_390Wide_HeaderFoldsIntoAMenuAndTheCardsFit()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await page.SetViewportSizeAsync(390, 844);
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "メニュー", Exact = true });
        await Expect(menuButton).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" })).ToBeHiddenAsync();
        var header = (await page.GetByRole(AriaRole.Banner).BoundingBoxAsync())!;
        Assert.True(header.Height <= 80, $"the header is {header.Height} px high");

        await menuButton.ClickAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await MainMenu.OpenAsync(page, "新規作成");
        await page.GetByRole(AriaRole.Link, new() { Name = "「業務手順書」で作成する", Exact = true }).ClickAsync();
        var editor = await StepEditorPage.ReadyAsync(page);
        await editor.CardTitle(1).FillAsync("申請を受け取る");
        await editor.CardButton(2, "上へ").ClickAsync();
        await Expect(editor.CardTitle(2)).ToHaveValueAsync("申請を受け取る");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "nothing scrolls sideways at 390 px");
        var title = (await editor.CardTitle(1).BoundingBoxAsync())!;
        Assert.True(title.Width >= 280, $"the card title field is {title.Width} px wide");
        await Screenshots.SaveAsync(page, "step-editor-phone");
    }

    /// <summary>Drags a card by its handle onto the upper or lower half of <paramref name="target"/> and drops it there.</summary>
    private static async Task DragCardAsync(ILocator handle, ILocator target, bool below)
    {
        var over = await target.ElementHandleAsync();
        await handle.EvaluateAsync(
            """
            (handle, { over, below }) => {
              const box = over.getBoundingClientRect();
              const at = { clientX: box.left + 20, clientY: below ? box.bottom - 5 : box.top + 5, bubbles: true, cancelable: true };
              const data = new DataTransfer();
              handle.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true, cancelable: true }));
              over.dispatchEvent(new DragEvent('dragover', { ...at, dataTransfer: data }));
              over.dispatchEvent(new DragEvent('drop', { ...at, dataTransfer: data }));
              handle.dispatchEvent(new DragEvent('dragend', { dataTransfer: data, bubbles: true }));
            }
            """,
            new { over, below });
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        return page;
    }

    [GeneratedRegex("^/images/[0-9a-f]{64}$")]
    private static partial Regex ImagePath();
}
