using System.Net;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Templates;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Manuals;

/// <summary>The step editor (かんたん編集) as the server renders it: plain fields that save without JavaScript.</summary>
public sealed class StepEditorTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Edit_EverySampleSavedAsOpened_MakesNoRevisionAndChangesNoByte()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var before = await Store.ListAsync(null, CancellationToken.None);
        Assert.True(before.Count >= 15, $"{before.Count} samples");

        foreach (var summary in before)
        {
            var manual = (await Store.FindAsync(summary.Id, CancellationToken.None))!;
            var (page, document) = await admin.GetAsync($"/manuals/{manual.Id}/edit");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.NotNull(document.QuerySelector("[data-step-editor]"));

            var saved = await admin.SubmitAsync($"/manuals/{manual.Id}/edit", "form.manual-form", [], "intent", "save");

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var after = (await Store.FindAsync(manual.Id, CancellationToken.None))!;
            Assert.Equal(manual.Body, after.Body);
            Assert.Equal((manual.Title, manual.Status, manual.Visibility, manual.Template, string.Join(",", manual.Tags)), (after.Title, after.Status, after.Visibility, after.Template, string.Join(",", after.Tags)));
            Assert.Equal(manual.RevisionNumber, after.RevisionNumber);
        }

        var (_, shown) = await admin.GetAsync($"/manuals/{before[0].Id}");
        Assert.Contains("変更がなかったため、新しい版は作りませんでした。", shown.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_SampleInTheStepEditor_ShowsSectionsWithRequiredMarksAndStepsAsCards()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("請求書の発行手順");

        var (_, document) = await admin.GetAsync($"/manuals/{id}/edit");

        var blocks = document.QuerySelectorAll("section.editor-block").ToList();
        Assert.Equal("目的", blocks[0].QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("必須", blocks[0].QuerySelector(".editor-block__head")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("記入済み", blocks[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("取引先への請求書を", ((IHtmlTextAreaElement)blocks[0].QuerySelector("textarea")!).Value, StringComparison.Ordinal);
        var cards = document.QuerySelectorAll("[data-step-card]").ToList();
        Assert.Equal(8, cards.Count);
        Assert.Equal("売上データの確定依頼", ((IHtmlInputElement)cards[0].QuerySelector("input[name$='.Title']")!).Value);
        Assert.All(cards, card => Assert.DoesNotContain("**", card.TextContent, StringComparison.Ordinal));
        Assert.Null(document.QuerySelector("textarea#Body"));
    }

    [Fact]
    public async Task New_FromTemplateWithoutScript_WritesStepsAddsOneAndSavesConventionalMarkdown()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var template = await TemplateAsync("業務手順書");
        var url = $"/manuals/new?template={template.Id}";
        var (_, fresh) = await admin.GetAsync(url);
        Assert.Equal(template.Body, ((IHtmlInputElement)fresh.QuerySelector("input[name='Editor.Source']")!).Value);
        Assert.All(fresh.QuerySelectorAll("[data-step-card] input[name$='.Title']").Cast<IHtmlInputElement>(), input =>
        {
            Assert.Equal("", input.Value);
            Assert.Equal("（手順名）", input.Placeholder);
        });

        var steps = Index(fresh, "手順");
        var filled = new Dictionary<string, string>
        {
            ["Title"] = "名刺の発注",
            ["Status"] = "Published",
            [$"Editor.Blocks[{Index(fresh, "目的")}].Parts[0].Value"] = "新しく入った人の名刺を、入社日までに用意するため。",
            [$"Editor.Blocks[{Index(fresh, "例外・注意点")}].Parts[0].Value"] = "肩書きが決まっていないときは、人事に確認してから発注する。",
            [$"Editor.Blocks[{steps}].Cards[0].Title"] = "申請を受け取る",
            [$"Editor.Blocks[{steps}].Cards[0].Parts[0].Value"] = "申請フォームの内容を確認します。\r\n氏名の漢字に注意します。",
            [$"Editor.Blocks[{steps}].Cards[1].Title"] = "印刷会社に発注する",
            [$"Editor.Blocks[{steps}].Cards[1].Parts[0].Value"] = "発注サイトで注文します。",
            [$"Editor.Blocks[{steps}].Cards[2].Title"] = "届いた名刺を渡す",
            [$"Editor.Blocks[{steps}].Cards[2].Parts[0].Value"] = "本人に手渡しします。",
        };

        // Without JavaScript, 「＋ 手順を追加」 comes back with one more empty card, everything typed kept.
        var added = await admin.SubmitAsync(url, "form.manual-form", filled, "intent", "add-step");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var more = await WebSession.ParseAsync(added);
        Assert.Equal(4, more.QuerySelectorAll("[data-step-card]").Length);
        Assert.Equal("申請を受け取る", ((IHtmlInputElement)more.QuerySelector($"input[name='Editor.Blocks[{steps}].Cards[0].Title']")!).Value);
        Assert.NotNull(more.QuerySelector($"input[name='Editor.Blocks[{steps}].Cards[3].Title'][autofocus]"));
        var form = (IHtmlFormElement)more.QuerySelector("form.manual-form")!;
        var fields = WebSession.FormFields(form);
        fields[$"Editor.Blocks[{steps}].Cards[3].Title"] = "受け取りの記録";
        fields[$"Editor.Blocks[{steps}].Cards[3].Parts[0].Value"] = "管理表に **受け取り日** を書きます。";
        fields["intent"] = "save";

        var saved = await admin.PostAsync(form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var manual = (await Store.FindAsync(await IdOfAsync("名刺の発注"), CancellationToken.None))!;
        Assert.Equal(ManualStatus.Published, manual.Status);
        Assert.Contains(
            "## 手順\n\n1. **申請を受け取る** — 申請フォームの内容を確認します。\n   氏名の漢字に注意します。\n2. **印刷会社に発注する** — 発注サイトで注文します。\n"
            + "3. **届いた名刺を渡す** — 本人に手渡しします。\n4. **受け取りの記録** — 管理表に **受け取り日** を書きます。\n\n## 例外・注意点\n\n肩書きが決まっていないときは",
            manual.Body,
            StringComparison.Ordinal);
        // The sections left as the template's hint were not written: the page shows nothing the writer did not write.
        Assert.DoesNotContain("（", manual.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("## 関連情報", manual.Body, StringComparison.Ordinal);
        var (_, stepMode) = await admin.GetAsync($"/manuals/{manual.Id}/steps/4");
        Assert.Contains("受け取りの記録", stepMode.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithARequiredSectionLeftAsTheHint_IsRefusedAndThatBlockIsMarkedAndFocused()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var template = await TemplateAsync("業務手順書");
        var url = $"/manuals/new?template={template.Id}";
        var (_, fresh) = await admin.GetAsync(url);
        var steps = Index(fresh, "手順");

        var refused = await admin.SubmitAsync(url, "form.manual-form", new()
        {
            ["Title"] = "未完成の手順",
            ["Status"] = "Published",
            [$"Editor.Blocks[{Index(fresh, "目的")}].Parts[0].Value"] = "目的は書いた。",
            [$"Editor.Blocks[{steps}].Cards[0].Title"] = "一つ目",
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = await WebSession.ParseAsync(refused);
        var invalid = document.QuerySelectorAll("section.editor-block--invalid").Single();
        Assert.Equal("例外・注意点", invalid.QuerySelector("h2")!.TextContent.Trim());
        var field = (IHtmlTextAreaElement)invalid.QuerySelector("textarea")!;
        Assert.True(field.Autofocus);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("目的は書いた。", ((IHtmlTextAreaElement)document.QuerySelector($"textarea[name='Editor.Blocks[{Index(fresh, "目的")}].Parts[0].Value']")!).Value);
        Assert.Equal("一つ目", ((IHtmlInputElement)document.QuerySelector($"input[name='Editor.Blocks[{steps}].Cards[0].Title']")!).Value);
        Assert.DoesNotContain(await Store.ListAsync(null, CancellationToken.None), m => m.Title == "未完成の手順");
    }

    [Fact]
    public async Task SwitchToMarkdownAndBack_KeepsEveryChangeAndRemembersTheChoice()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("郵便物の仕分けと配布");
        var url = $"/manuals/{id}/edit";
        var (_, opened) = await admin.GetAsync(url);
        var purpose = $"Editor.Blocks[{Index(opened, "目的")}].Parts[0].Value";

        var toMarkdown = await admin.SubmitAsync(url, "form.manual-form", new() { [purpose] = "書き換えた目的。" }, "intent", "markdown");

        Assert.Equal(HttpStatusCode.OK, toMarkdown.StatusCode);
        var markdown = await WebSession.ParseAsync(toMarkdown);
        var body = ((IHtmlTextAreaElement)markdown.QuerySelector("textarea#Body")!).Value;
        Assert.StartsWith("## 目的\n\n書き換えた目的。\n\n## ", body.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var (_, reopened) = await admin.GetAsync(url);
        Assert.NotNull(reopened.QuerySelector("textarea#Body"));

        var form = (IHtmlFormElement)markdown.QuerySelector("form.manual-form")!;
        var fields = WebSession.FormFields(form);
        fields["Body"] = body + "\n## 追記\n\nMarkdownで書いた段落。\n";
        fields["intent"] = "steps";
        var back = await admin.PostAsync(form.GetAttribute("action")!, fields);

        var steps = await WebSession.ParseAsync(back);
        Assert.Equal("書き換えた目的。", ((IHtmlTextAreaElement)steps.QuerySelector($"textarea[name='{purpose}']")!).Value);
        Assert.Equal("Markdownで書いた段落。", ((IHtmlTextAreaElement)steps.QuerySelector($"textarea[name='Editor.Blocks[{Index(steps, "追記")}].Parts[0].Value']")!).Value);
        var (_, again) = await admin.GetAsync(url);
        Assert.NotNull(again.QuerySelector("[data-step-editor]"));
        Assert.Equal(1, (await Store.FindAsync(id, CancellationToken.None))!.RevisionNumber);
    }

    [Fact]
    public async Task Save_FieldsThatDoNotFitTheirText_Returns400AndOpensTheTextInTheMarkdownEditor()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var id = await IdOfAsync("印鑑の管理と押印申請の手順");
        var url = $"/manuals/{id}/edit";
        var (_, opened) = await admin.GetAsync(url);
        var form = (IHtmlFormElement)opened.QuerySelector("form.manual-form")!;
        var fields = WebSession.FormFields(form);
        fields["Editor.Source"] = "## 別の文章\n\n見出しの数が違う。\n";
        fields["intent"] = "save";

        var response = await admin.PostAsync(form.GetAttribute("action")!, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("Markdownの編集画面で開きました", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("## 別の文章\n\n見出しの数が違う。\n", ((IHtmlTextAreaElement)document.QuerySelector("textarea#Body")!).Value.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(1, (await Store.FindAsync(id, CancellationToken.None))!.RevisionNumber);
    }

    [Fact]
    public async Task Save_TwoWritersInTheStepEditor_SecondGetsTheConflictPageProposingBothChanges()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        await factory.CreateUserAsync("editor.soumu", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "editor.soumu", ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("備品・消耗品の発注手順");
        var url = $"/manuals/{id}/edit";
        var (_, mine) = await admin.GetAsync(url);
        var (_, theirs) = await editor.GetAsync(url);
        var adminFields = WebSession.FormFields((IHtmlFormElement)mine.QuerySelector("form.manual-form")!);
        var editorFields = WebSession.FormFields((IHtmlFormElement)theirs.QuerySelector("form.manual-form")!);
        adminFields[$"Editor.Blocks[{Index(mine, "目的")}].Parts[0].Value"] = "管理者が書き直した目的。";
        adminFields["intent"] = "save";
        var steps = Index(theirs, "手順");
        editorFields[$"Editor.Blocks[{steps}].Cards[0].Title"] = "在庫を数える（総務が変更）";
        editorFields["intent"] = "save";

        var first = await admin.PostAsync(url, adminFields);
        var second = await editor.PostAsync(url, editorFields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await WebSession.ParseAsync(second);
        var proposal = ((IHtmlTextAreaElement)conflict.QuerySelector("textarea#Body")!).Value;
        Assert.Contains("管理者が書き直した目的。", proposal, StringComparison.Ordinal);
        Assert.Contains("1. **在庫を数える（総務が変更）** — ", proposal, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.FindAsync(id, CancellationToken.None))!.RevisionNumber);
    }

    [Fact]
    public async Task Save_CardScreenshotTickedAndCalloutPosted_RemovesTheImageAndWritesTheBox()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        const string image = "![画面](/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a)";
        var created = await admin.SubmitAsync("/manuals/new?editor=markdown", "form.manual-form", new()
        {
            ["Title"] = "画像と囲みの確認",
            ["Body"] = $"## 手順\n\n1. **開く** — 画面を開きます。\n   {image}\n2. **閉じる** — 終わります。\n",
        }, "intent", "save");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var (_, page) = await admin.GetAsync($"/manuals/{id}/edit?editor=steps");
        var card = page.QuerySelectorAll("[data-step-card]")[0];
        Assert.Equal("/images/1eb392dcee0b5d3d4c1a8f7e9b2c6d0a1eb392dcee0b5d3d4c1a8f7e9b2c6d0a", card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("画面を開きます。", ((IHtmlTextAreaElement)card.QuerySelector("textarea")!).Value);
        var form = (IHtmlFormElement)page.QuerySelector("form.manual-form")!;
        var fields = WebSession.FormFields(form).ToList();
        fields.Add(new("Editor.Blocks[0].Cards[0].Parts[1].Removed", "true"));
        fields.Add(new("Editor.Blocks[0].Cards[1].Parts[1].Kind", "warning"));
        fields.Add(new("Editor.Blocks[0].Cards[1].Parts[1].Value", "保存してから閉じます。"));
        fields.Add(new("intent", "save"));

        var saved = await admin.PostAsync($"/manuals/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(
            "## 手順\n\n1. **開く** — 画面を開きます。\n2. **閉じる** — 終わります。\n\n   :::warning\n   保存してから閉じます。\n   :::\n",
            (await Store.FindAsync(id, CancellationToken.None))!.Body);
    }

    [Fact]
    public async Task Edit_ManualWithoutHeadings_ShowsItsBoxAsABoxAndSavedAsOpenedKeepsIt()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        const string body = "電源を入れます。\n\n:::warning\n濡れた手で触らない。\n:::\n\n終わったら切ります。\n";
        var created = await admin.SubmitAsync("/manuals/new?editor=markdown", "form.manual-form", new()
        {
            ["Title"] = "見出しのない手順",
            ["Body"] = body,
        }, "intent", "save");
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var (_, page) = await admin.GetAsync($"/manuals/{id}/edit?editor=steps");
        var saved = await admin.SubmitAsync($"/manuals/{id}/edit?editor=steps", "form.manual-form", [], "intent", "save");

        var box = page.QuerySelector(".content-part--callout")!;
        Assert.Equal("warning", ((IHtmlSelectElement)box.QuerySelector("select")!).Value);
        Assert.Equal("濡れた手で触らない。", ((IHtmlTextAreaElement)box.QuerySelector("textarea")!).Value);
        Assert.DoesNotContain(":::", page.QuerySelector("[data-step-editor]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var manual = (await Store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((1, body), (manual.RevisionNumber, manual.Body));
    }

    [Theory]
    [InlineData("reader.other-dept", Roles.Reader, "markdown")]
    [InlineData("reader.other-dept", Roles.Reader, "add-step")]
    [InlineData("editor.other-dept", Roles.Editor, "steps")]
    [InlineData("editor.other-dept", Roles.Editor, "save")]
    public async Task EditorIntents_PeopleWhoMayNotEditTheManual_Get403AndNothingChanges(string user, string role, string intent)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var userName = $"{user}.{intent}";
        await factory.CreateUserAsync(userName, role, "広報");
        var other = await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
        var id = await IdOfAsync("郵便物の仕分けと配布");
        var (_, page) = await admin.GetAsync($"/manuals/{id}/edit");
        var fields = WebSession.FormFields((IHtmlFormElement)page.QuerySelector("form.manual-form")!);
        fields["__RequestVerificationToken"] = await other.TokenFromAsync($"/manuals/{id}");
        fields[$"Editor.Blocks[{Index(page, "目的")}].Parts[0].Value"] = "書き換え";
        fields["intent"] = intent;
        var before = (await Store.FindAsync(id, CancellationToken.None))!;

        var response = await other.PostAsync($"/manuals/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await Store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((before.RevisionNumber, before.Body), (after.RevisionNumber, after.Body));
        Assert.DoesNotContain("書き換え", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStep_NewManualUntouched_KeepsTheTemplatesExampleStepsAndAddsOne()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var url = $"/manuals/new?template={(await TemplateAsync("業務手順書")).Id}";

        var added = await admin.SubmitAsync(url, "form.manual-form", [], "intent", "add-step");

        var document = await WebSession.ParseAsync(added);
        var titles = document.QuerySelectorAll("[data-step-card] input[name$='.Title']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal(["（手順名）", "（手順名）", "（手順名）", ""], titles.Select(t => t.Placeholder));
        Assert.Equal("（この業務を行う目的と、行わないと誰が困るのかを1〜2文で書きます）", ((IHtmlTextAreaElement)document.QuerySelector("section.editor-block textarea")!).Placeholder);
    }

    [Fact]
    public async Task New_WithoutScript_ShowsNoScriptOnlyControls()
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

        var (_, document) = await admin.GetAsync($"/manuals/new?template={(await TemplateAsync("業務手順書")).Id}");

        // Card buttons, the drag handle and paste help come with the script; the no-script way to add a step is a submit.
        Assert.Empty(document.QuerySelectorAll("[data-step-cards] button"));
        Assert.NotNull(document.QuerySelector("button[type=submit][name=intent][value=add-step]"));
        Assert.True(document.QuerySelector("[data-script-only]")!.HasAttribute("hidden"));
        Assert.Null(document.QuerySelector(".completeness"));
        var first = document.QuerySelector("form.manual-form button[type=submit]")!;
        Assert.Equal("save", first.GetAttribute("value"));
    }

    [Theory]
    [InlineData(1_500, HttpStatusCode.Redirect)]
    [InlineData(8_000, HttpStatusCode.BadRequest)]
    public async Task Save_ManyCards_SavesThemOrRefusesTheFormNeverA500(int count, HttpStatusCode expected)
    {
        var admin = await WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
        var (_, page) = await admin.GetAsync("/manuals/new?editor=steps");
        var fields = WebSession.FormFields((IHtmlFormElement)page.QuerySelector("form.manual-form")!).ToList();
        fields.RemoveAll(f => f.Key.StartsWith("Editor.", StringComparison.Ordinal) || f.Key == "Title");
        fields.Add(new("Title", $"長い手順 {count}"));
        fields.Add(new("Editor.Source", "## 手順\n"));
        fields.Add(new("Editor.Blocks[0].HasSteps", "true"));
        for (var i = 0; i < count; i++)
        {
            fields.Add(new($"Editor.Blocks[0].Cards[{i}].Origin", "-1"));
            fields.Add(new($"Editor.Blocks[0].Cards[{i}].Title", $"手順{i}"));
            fields.Add(new($"Editor.Blocks[0].Cards[{i}].Parts[0].Value", "書きます。"));
        }

        fields.Add(new("intent", "save"));

        var response = await admin.PostAsync("/manuals/new", fields);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            var manual = (await Store.FindAsync(await IdOfAsync($"長い手順 {count}"), CancellationToken.None))!;
            Assert.Contains($"1500. **手順1499** — 書きます。", manual.Body, StringComparison.Ordinal);
        }
    }

    private IManualStore Store => factory.Services.GetRequiredService<IManualStore>();

    /// <summary>The index of the block labelled <paramref name="name"/> on an editor page.</summary>
    private static int Index(IHtmlDocument document, string name) =>
        document.QuerySelectorAll("section.editor-block").Select((b, i) => (Name: b.QuerySelector("h2")!.TextContent.Trim(), Index: i)).First(x => x.Name == name).Index;

    private async Task<long> IdOfAsync(string title) =>
        (await Store.ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;

    private async Task<StepTemplate> TemplateAsync(string name) =>
        (await factory.Services.GetRequiredService<ITemplateStore>().FindByNameAsync(name, CancellationToken.None))!;
}
