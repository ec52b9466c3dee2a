using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Editing;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>
/// The step editor's formatted text fields (lib/rich-text.js, built from src/Manuals.Web/Scripts/rich-text): text is
/// shown as it will print while it is written, and what the field writes back reads the same on the manual page.
/// Sameness is judged by the app's own renderer, on the page's own bundle running in Chromium.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class FormattedTextTests(BrowserFixture browser)
{
    // What a formatted field writes for each text once the writer changes anything in it (null: it stays a text area).
    private const string RewriteScript = """
        async (texts) => {
          const library = await import(document.querySelector('link[data-rich-text]').href);
          return texts.map((text) => library.rewrite(text));
        }
        """;

    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public async Task EveryTextOfTheSamples_IsAFormattedField_ThatWritesItBackReadingTheSame()
    {
        var texts = SampleBodies().SelectMany(TextParts).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} text parts in the samples");

        var rewritten = await RewriteAsync(texts);

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.True(rewritten[i] is not null, $"stays a plain text area: {texts[i]}");
            Assert.Equal(Renderer.ToHtml(texts[i]), Renderer.ToHtml(rewritten[i]!));
        }
    }

    [Fact]
    public async Task TextsWithEveryKindOfFormatting_AreWrittenBackReadingTheSame_OrStayPlainText()
    {
        (string Markdown, bool Formatted)[] cases =
        [
            ("**太字**と*斜体*と`コード`。", true),
            ("一行目\n二行目", true),
            ("一行目  \n二行目", true),
            ("1. 一\n2. 二\n   - 入れ子\n3. 三", true),
            ("3. 三から\n4. 四", true),
            ("1) 括弧\n2) 番号", true),
            ("* 星印\n* の箇条書き", true),
            ("- 間の空いた\n\n- 箇条書き", true),
            ("- [ ] 未完了\n- [x] 完了", true),
            ("| 左 | 中央 | 右 |\n| :--- | :---: | ---: |\n| a \\| b | **太字** | [リンク](https://example.com) |\n| 空欄→ |  | 3 |", true),
            ("> 引用の\n> 二行目", true),
            ("```\nコード\n```", true),
            ("### 小見出し\n\n本文", true),
            ("[参照][ref]\n\n[ref]: https://example.com/a_b", true),
            ("https://example.com/a_b_c の URL と snake_case", true),
            ("<b>HTMLのような</b>文字と \\*記号\\*", true),
            ("[社内規程](/manuals/3 \"規程\")を参照", true),
            ("一行目\n\\- 二行目は箇条書きではない", true),
            ("一行目\n1\\) 番号でもない", true),
            ("一行目\n\\# 見出しでもない", true),
            ("~~取り消し線~~", false),
            ("H~2~O と x^2^", false),
            ("| 画像 |\n| --- |\n| ![図](/images/" + new string('a', 64) + ") |", false),
        ];

        var rewritten = await RewriteAsync(cases.Select(c => c.Markdown).ToList());

        for (var i = 0; i < cases.Length; i++)
        {
            if (!cases[i].Formatted)
            {
                Assert.True(rewritten[i] is null, $"should stay plain text: {cases[i].Markdown} → {rewritten[i]}");
                continue;
            }

            Assert.True(rewritten[i] is not null, $"stays plain text: {cases[i].Markdown}");
            Assert.Equal(Renderer.ToHtml(cases[i].Markdown), Renderer.ToHtml(rewritten[i]!));
        }

        // Conventional Markdown: a line break in the text stays a line break, lists keep their marks.
        Assert.Equal("一行目\n二行目", rewritten[1]);
        Assert.Equal("* 星印\n* の箇条書き", rewritten[6]);
        Assert.Equal("- [ ] 未完了\n- [x] 完了", rewritten[8]);
    }

    [Fact]
    public async Task EverySample_OpenedInTheStepEditorAndSavedUnchanged_WritesNoRevision()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var count = SampleBodies().Count();
        for (var id = 1; id <= count; id++)
        {
            await page.GotoAsync($"/manuals/{id}/edit?editor=steps");
            var editor = await StepEditorPage.ReadyAsync(page);
            Assert.True(await page.Locator("[data-rich-text]").CountAsync() > 0, $"manual {id} has no formatted field");
            await editor.SaveButton.ClickAsync();
            var manual = new ManualPage(page);
            await Expect(manual.Flash).ToContainTextAsync("変更がなかったため、新しい版は作りませんでした。");
        }
    }

    [Fact]
    public async Task WritingWithTheToolbar_ShowsFormattingInTheField_AndSavesConventionalMarkdown()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await editor.TitleField.FillAsync("書式のある文章");
        var purpose = editor.SectionText("目的");

        // A bullet list from the toolbar, continued with Enter; then out of the list with Enter on an empty item.
        await purpose.FillAsync("準備するもの");
        await page.Keyboard.PressAsync("Enter");
        await editor.ToolbarButton("箇条書き").ClickAsync();
        await page.Keyboard.InsertTextAsync("社員番号");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("入社日");
        await Expect(purpose.Locator("ul > li")).ToHaveTextAsync(["社員番号", "入社日"]);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");

        // A link on a selected word, from Ctrl+K and the dialog; what is typed after it is not part of it.
        await page.Keyboard.InsertTextAsync("詳しくは規程");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        await page.Keyboard.PressAsync("Control+k");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "リンク" });
        await dialog.GetByLabel("リンク先（URL）").FillAsync("/manuals/3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "リンクにする" }).ClickAsync();
        await Expect(purpose.Locator("a")).ToHaveTextAsync("規程");
        await Expect(purpose).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.InsertTextAsync("を見ます。");
        await Expect(purpose.Locator("a")).ToHaveTextAsync("規程");

        // A table with the toolbar's headers; Tab moves to the next cell and adds a row after the last one.
        await page.Keyboard.PressAsync("Enter");
        await editor.ToolbarButton("表").ClickAsync();
        await page.Keyboard.InsertTextAsync("総務");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync("名刺 | 社員証");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync("山田");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync("人事");
        await Expect(purpose.Locator("table tr")).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "表の編集" })).ToBeVisibleAsync();

        // Markup typed as text stays text: nothing the writer typed turns into formatting they did not ask for.
        await editor.CardText(1).FillAsync("*印*と#記号");
        await Screenshots.SaveAsync(page, "formatted-text-written");

        await editor.SaveButton.ClickAsync();
        var manual = await ManualPage.ShownAsync(page, "書式のある文章");
        await Expect(manual.Article.Locator("ul li")).ToHaveTextAsync(["社員番号", "入社日"]);
        await Expect(manual.Article.GetByRole(AriaRole.Link, new() { Name = "規程", Exact = true })).ToHaveAttributeAsync("href", "/manuals/3");
        await Expect(manual.Article.Locator("table td").Nth(1)).ToHaveTextAsync("名刺 | 社員証");
        await Expect(manual.Article).ToContainTextAsync("*印*と#記号");

        var id = ManualId().Match(page.Url).Groups[1].Value;
        await page.GotoAsync($"/manuals/{id}/edit?editor=markdown");
        var markdown = await new ManualEditPage(page).Body.InputValueAsync();
        Assert.Contains(
            "準備するもの\n\n- 社員番号\n- 入社日\n\n詳しくは[規程](/manuals/3)を見ます。\n\n" +
            "| 項目 | 内容 | 備考 |\n| --- | --- | --- |\n| 総務 | 名刺 \\| 社員証 | 山田 |\n| 人事 |  |  |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains(@"\*印\*と#記号", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChecklistAndBold_FromShortcuts_AreShownAsTheyPrint()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await editor.CardText(1).FillAsync("");
        await page.Keyboard.PressAsync("Control+Shift+8");
        await page.Keyboard.InsertTextAsync("押印を確認");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("日付を確認");
        await Expect(editor.CardText(1).Locator("li.is-task")).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.InsertTextAsync("必ず");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.InsertTextAsync("二人で見ます。");
        await Expect(editor.CardText(1).Locator("strong")).ToHaveTextAsync("必ず");

        var value = await editor.CardText(1).Locator("xpath=../following-sibling::textarea").InputValueAsync();
        Assert.Equal("- [ ] 押印を確認\n- [ ] 日付を確認\n\n**必ず**二人で見ます。", value);
    }

    [Fact]
    public async Task ADuplicatedCard_AndADeletedOneBroughtBack_HaveWorkingFormattedFieldsOfTheirOwn()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        await editor.CardText(1).FillAsync("元の文章");
        await editor.CardButton(1, "複製").ClickAsync();

        await Expect(editor.CardText(2)).ToHaveTextAsync("元の文章");
        await editor.CardText(2).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.InsertTextAsync("に追記");
        await Expect(editor.CardText(2)).ToHaveTextAsync("元の文章に追記");
        await Expect(editor.CardText(1)).ToHaveTextAsync("元の文章");
        await Expect(editor.Card(2).Locator(".content-part--text textarea")).ToHaveValueAsync("元の文章に追記");
        await Expect(editor.Card(2).Locator(".content-part--text textarea")).ToBeHiddenAsync();

        await editor.CardButton(2, "削除").ClickAsync();
        await editor.Announcement.GetByRole(AriaRole.Button, new() { Name = "元に戻す" }).ClickAsync();
        await editor.CardText(2).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.InsertTextAsync("！");
        await Expect(editor.Card(2).Locator(".content-part--text textarea")).ToHaveValueAsync("元の文章に追記！");
        await Expect(editor.Card(2).Locator("[data-rich-text]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Link_AtTheCaretInsertsLinkText_OnALinkChangesIt_AndOnlySafeAddressesAreTaken()
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        var editor = await StepEditorPage.OpenNewAsync(page, "業務手順書");
        var text = editor.CardText(1);
        await text.FillAsync("規程は");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "リンク" });
        var address = dialog.GetByLabel("リンク先（URL）");

        // Nothing selected: the link comes with its text, selected to be typed over.
        await page.Keyboard.PressAsync("Control+k");
        await address.FillAsync("javascript:alert(1)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "リンクにする" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("https://");
        await Expect(dialog).ToBeVisibleAsync();
        await address.FillAsync("/manuals/3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "リンクにする" }).ClickAsync();
        await Expect(text.Locator("a")).ToHaveAttributeAsync("href", "/manuals/3");
        await Expect(text.Locator("a")).ToHaveTextAsync("テキスト");

        // The caret inside the link: Ctrl+K shows its address and changes the whole link.
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Control+k");
        await Expect(address).ToHaveValueAsync("/manuals/3");
        await address.FillAsync("https://example.com/規程 集");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "リンクにする" }).ClickAsync();
        await Expect(text.Locator("a")).ToHaveAttributeAsync("href", "https://example.com/%E8%A6%8F%E7%A8%8B%20%E9%9B%86");
        await Expect(text.Locator("a")).ToHaveTextAsync("テキスト");
        var value = await text.Locator("xpath=../following-sibling::textarea").InputValueAsync();
        Assert.Equal("規程は[テキスト](https://example.com/%E8%A6%8F%E7%A8%8B%20%E9%9B%86)", value);
    }

    private async Task<IReadOnlyList<string?>> RewriteAsync(IReadOnlyList<string> texts)
    {
        await using var context = await browser.NewContextAsync();
        var page = await SignedInAsync(context);
        await StepEditorPage.OpenNewAsync(page, "業務手順書");
        return await page.EvaluateAsync<string?[]>(RewriteScript, texts);
    }

    private static IEnumerable<string> SampleBodies()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "samples", "manuals");
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            yield return text[(end + "\n---\n".Length)..];
        }
    }

    /// <summary>The text parts the step editor shows for <paramref name="markdown"/>: each is one formatted field.</summary>
    private static IEnumerable<string> TextParts(string markdown)
    {
        var layout = EditorLayout.Build(markdown, template: null);
        var contents = new List<EditorContent> { layout.LeadContent };
        foreach (var block in layout.Blocks)
        {
            contents.Add(block.Content);
            if (block.Steps is { } steps)
            {
                contents.AddRange(steps.Cards.Select(card => card.Content));
                contents.Add(EditorContent.Split(steps.After.Shown));
            }
        }

        return contents.SelectMany(content => content.Parts)
            .Where(part => part.Kind == ContentPart.Text && part.Value.Trim().Length > 0)
            .Select(part => part.Value);
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        return page;
    }

    [GeneratedRegex(@"/manuals/(\d+)")]
    private static partial Regex ManualId();
}
