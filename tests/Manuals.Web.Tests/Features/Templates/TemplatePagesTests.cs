using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Manuals.Core.Accounts;
using Manuals.Core.Templates;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Templates;

public sealed partial class TemplatePagesTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string Skeleton = "## 目的\n\n（この問い合わせ対応の目的を書きます）\n\n## 手順\n\n1. （手順を書きます）\n\n## 関連情報\n";

    [Fact]
    public async Task Index_Reader_ListsBuiltInsWithRequiredSectionsAndNoWriterButtons()
    {
        var reader = await ReaderAsync("reader.templates.index");

        var (response, document) = await reader.GetAsync("/templates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll(".template-list tbody tr");
        Assert.True(rows.Length >= 5);
        var standard = rows.Single(r => r.QuerySelector("a")!.TextContent.Trim() == "業務手順書");
        Assert.Contains("標準", standard.TextContent, StringComparison.Ordinal);
        Assert.Contains("目的、手順、例外・注意点", standard.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("a[href='/templates/new']"));
    }

    [Fact]
    public async Task Show_Reader_RendersSkeletonAndMarksRequiredSections()
    {
        var reader = await ReaderAsync("reader.templates.show");
        var id = await IdOfAsync("業務手順書");

        var (response, document) = await reader.GetAsync($"/templates/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("業務手順書", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll(".markdown h2"), h => h.TextContent == "ノウハウ（フローに書けないコツ）");
        var required = document.QuerySelectorAll(".template-sections li").Where(li => li.QuerySelector(".required") is not null).Select(li => li.FirstChild!.TextContent.Trim());
        Assert.Equal(["目的", "手順", "例外・注意点"], required);
        Assert.Null(document.QuerySelector($"form[action='/templates/{id}/retire']"));
        Assert.Null(document.QuerySelector($"a[href='/templates/{id}/edit']"));
    }

    [Fact]
    public async Task WriterPages_Reader_Get403AndChangeNothing()
    {
        var reader = await ReaderAsync("reader.templates.forbidden");
        var id = await IdOfAsync("チェックリスト型");
        var token = await reader.TokenFromAsync("/templates");

        foreach (var url in new[] { "/templates/new", $"/templates/{id}/edit", "/templates/choose", $"/templates/new?from={id}" })
        {
            var (page, document) = await reader.GetAsync(url);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {(int)page.StatusCode}");
            Assert.Contains("権限がありません", document.Body!.TextContent, StringComparison.Ordinal);
        }

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "乗っ取り", ["Body"] = "## 手順\n" };
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/templates/new", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/templates/{id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/templates/{id}/retire", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/templates/completeness", fields)).StatusCode);

        var template = await FindAsync(id);
        Assert.Equal("チェックリスト型", template.Name);
        Assert.False(template.IsRetired);
        Assert.Null(await Store.FindByNameAsync("乗っ取り", CancellationToken.None));
    }

    [Fact]
    public async Task Create_Editor_SavesTemplateAndShowsItWithRequiredSections()
    {
        var editor = await EditorAsync("editor.templates.create");

        var response = await editor.SubmitAsync("/templates/new", "form.template-form", new()
        {
            ["Name"] = "問い合わせ対応",
            ["Description"] = "社内からの問い合わせに答える手順です。",
            ["Body"] = Skeleton,
            ["RequiredSections"] = "手順",
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, document) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("テンプレート「問い合わせ対応」を作成しました。", document.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        var sections = document.QuerySelectorAll(".template-sections li").Select(li => (li.FirstChild!.TextContent.Trim(), li.QuerySelector(".required") is not null));
        Assert.Equal([("目的", false), ("手順", true), ("関連情報", false)], sections);
        var saved = await Store.FindByNameAsync("問い合わせ対応", CancellationToken.None);
        Assert.Equal(["手順"], saved!.RequiredSections);
        Assert.False(saved.IsBuiltIn);
    }

    [Fact]
    public async Task Create_RequiredSectionNotInSkeleton_Answers400NamingItAndKeepsTheText()
    {
        var editor = await EditorAsync("editor.templates.invalid");
        var token = await editor.TokenFromAsync("/templates/new");

        var response = await editor.PostAsync("/templates/new", [
            new("__RequestVerificationToken", token),
            new("Name", "見出し違いのテンプレート"),
            new("Description", "説明は残ります"),
            new("Body", Skeleton),
            new("RequiredSections", "目的"),
            new("RequiredSections", "例外・注意点"),
            new("intent", "save"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("必須セクション「例外・注意点」がひな形の見出しにありません。", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("見出し違いのテンプレート", ((IHtmlInputElement)document.QuerySelector("#Name")!).Value);
        Assert.Equal("説明は残ります", ((IHtmlTextAreaElement)document.QuerySelector("#Description")!).Value);
        Assert.Equal(Skeleton, ((IHtmlTextAreaElement)document.QuerySelector("#Body")!).Value);
        Assert.True(Checkbox(document, "目的").IsChecked);
        Assert.Null(await Store.FindByNameAsync("見出し違いのテンプレート", CancellationToken.None));
    }

    [Fact]
    public async Task Create_NameOfBuiltInInOtherWidth_Answers400WithClearMessage()
    {
        var editor = await EditorAsync("editor.templates.duplicate");

        var response = await editor.SubmitAsync("/templates/new", "form.template-form", new()
        {
            ["Name"] = "定型業務(月次・年次)",
            ["Body"] = Skeleton,
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains("「定型業務(月次・年次)」という名前のテンプレートはすでにあります。", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "## 手順\n", "テンプレート名を入力してください。")]
    [InlineData("見出しなし", "手順を書きます。\n", "見出しを1つ以上書いてください。")]
    [InlineData("重複", "## 手順\n## 手順\n", "見出し「手順」が2回以上あります。")]
    public async Task Create_InvalidInput_Answers400WithJapaneseMessage(string name, string body, string message)
    {
        var editor = await EditorAsync("editor.templates.bad." + Math.Abs(message.GetHashCode(StringComparison.Ordinal)));

        var response = await editor.SubmitAsync("/templates/new", "form.template-form", new() { ["Name"] = name, ["Body"] = body }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, ((IHtmlTextAreaElement)document.QuerySelector("#Body")!).Value);
    }

    [Fact]
    public async Task Create_NameAndSkeletonOverTheLimits_Answers400NotServerError()
    {
        var editor = await EditorAsync("editor.templates.huge");

        var response = await editor.SubmitAsync("/templates/new", "form.template-form", new()
        {
            ["Name"] = new string('名', 101),
            ["Body"] = "## 手順\n" + new string('あ', TemplateLimits.BodyMaxLength),
        }, "intent", "save");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await WebSession.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("100文字以内", errors, StringComparison.Ordinal);
        Assert.Contains("50,000文字以内", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ReloadHeadings_RebuildsCheckboxesKeepingTicksAndSavesNothing()
    {
        var editor = await EditorAsync("editor.templates.reload");
        var token = await editor.TokenFromAsync("/templates/new");

        var response = await editor.PostAsync("/templates/new", [
            new("__RequestVerificationToken", token),
            new("Name", ""),
            new("Body", "## 目的\n\n## 症状\n\n## 手順\n"),
            new("RequiredSections", "目的"),
            new("RequiredSections", "消えた見出し"),
            new("intent", "reload"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await WebSession.ParseAsync(response);
        Assert.Null(document.QuerySelector(".form-errors"));
        var boxes = document.QuerySelectorAll("input[name=RequiredSections]").Cast<IHtmlInputElement>().Select(b => (b.Value, b.IsChecked));
        Assert.Equal([("目的", true), ("症状", false), ("手順", false)], boxes);
        Assert.Equal(5, (await Store.ListAsync(includeRetired: true, CancellationToken.None)).Count(t => t.IsBuiltIn));
    }

    [Fact]
    public async Task Edit_EditorRenamesCopyOfBuiltIn_SavesAndListsNewName()
    {
        var editor = await EditorAsync("editor.templates.edit");
        var source = await IdOfAsync("システム操作手順");
        var (_, copyForm) = await editor.GetAsync($"/templates/new?from={source}");
        Assert.Equal("システム操作手順（コピー）", ((IHtmlInputElement)copyForm.QuerySelector("#Name")!).Value);
        var created = await editor.PostAsync("/templates/new", AllFields(copyForm, "save"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var copy = await Store.FindByNameAsync("システム操作手順（コピー）", CancellationToken.None);
        Assert.NotNull(copy);
        Assert.Equal(["目的", "対象・前提", "手順"], copy.RequiredSections);
        Assert.False(copy.IsBuiltIn);

        var (_, editForm) = await editor.GetAsync($"/templates/{copy.Id}/edit");
        ((IHtmlInputElement)editForm.QuerySelector("#Name")!).Value = "勤怠システムの操作";
        var response = await editor.PostAsync($"/templates/{copy.Id}/edit", AllFields(editForm, "save"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var renamed = await FindAsync(copy.Id);
        Assert.Equal("勤怠システムの操作", renamed.Name);
        Assert.Equal(["目的", "対象・前提", "手順"], renamed.RequiredSections);
        var (_, list) = await editor.GetAsync("/templates");
        Assert.Contains(list.QuerySelectorAll(".template-list a"), a => a.TextContent.Trim() == "勤怠システムの操作");
    }

    [Fact]
    public async Task Choose_AfterRetiringATemplate_ListsActiveTemplatesOnlyWithLinksToTheEditor()
    {
        // The Editor retires and restores a template of their own (built-ins and others' are not theirs to change).
        var editorId = await factory.CreateUserAsync("editor.templates.choose", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "editor.templates.choose", ManualsAppFactory.UserPassword);
        var draft = new StepTemplateDraft("廃止予定のテンプレート", "まもなく廃止します", "## 手順\n", []);
        var retiredId = (await Store.CreateAsync(draft, editorId, DateTimeOffset.UtcNow, CancellationToken.None)).TemplateId;
        var (page, show) = await editor.GetAsync($"/templates/{retiredId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(show.QuerySelector($"form[action='/templates/{retiredId}/retire'][data-confirm]"));

        var retire = await editor.SubmitAsync($"/templates/{retiredId}", $"form[action='/templates/{retiredId}/retire']", []);
        var (response, document) = await editor.GetAsync("/templates/choose?department=3");

        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.True((await FindAsync(retiredId)).IsRetired);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = document.QuerySelectorAll(".template-card__title").Select(h => h.TextContent.Trim()).ToList();
        Assert.DoesNotContain("廃止予定のテンプレート", titles);
        Assert.Contains("業務手順書", titles);
        Assert.Equal("白紙から作成", titles[^1]);
        var standard = await IdOfAsync("業務手順書");
        var use = document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "「業務手順書」で作成する");
        Assert.Equal($"/manuals/new?template={standard}&department=3", use.GetAttribute("href"));
        Assert.Contains(document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "白紙から作成する" && a.GetAttribute("href") == "/manuals/new?department=3");
        var card = document.QuerySelectorAll(".template-card").Single(c => c.QuerySelector("h2")!.TextContent.Trim() == "業務手順書");
        Assert.Equal(3, card.QuerySelectorAll(".template-sections .required").Length);

        var restore = await editor.SubmitAsync($"/templates/{retiredId}", $"form[action='/templates/{retiredId}/restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.False((await FindAsync(retiredId)).IsRetired);
    }

    [Fact]
    public async Task Completeness_UntouchedSkeleton_ListsRequiredSectionsAsNotFilledIn()
    {
        var editor = await EditorAsync("editor.templates.completeness");
        var template = await Store.FindByNameAsync("業務手順書", CancellationToken.None);
        var token = await editor.TokenFromAsync("/templates/new");

        var fresh = await editor.PostAsync("/templates/completeness", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["template"] = "業務手順書",
            ["body"] = template!.Body,
        });
        var none = await editor.PostAsync("/templates/completeness", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["body"] = "x" });

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var document = await WebSession.ParseAsync(fresh);
        Assert.Equal("false", document.QuerySelector(".completeness")!.GetAttribute("data-complete"));
        Assert.Contains("目的、手順、例外・注意点", document.QuerySelector(".completeness__summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, document.QuerySelectorAll(".completeness__item--empty").Length);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Empty((await none.Content.ReadAsStringAsync()).Trim());
    }

    [Theory]
    [InlineData("/templates/987654", HttpStatusCode.NotFound)]
    [InlineData("/templates/987654/edit", HttpStatusCode.NotFound)]
    [InlineData("/templates/new?from=987654", HttpStatusCode.NotFound)]
    [InlineData("/templates/new?from=abc", HttpStatusCode.BadRequest)]
    [InlineData("/templates/choose?department=abc", HttpStatusCode.BadRequest)]
    [InlineData("/templates/abc", HttpStatusCode.NotFound)]
    [InlineData("/templates/99999999999999999999999", HttpStatusCode.NotFound)]
    public async Task BadAddresses_Editor_Get4xxNot500(string url, HttpStatusCode expected)
    {
        var editor = await EditorAsync("editor.templates.bad-urls." + Math.Abs(url.GetHashCode(StringComparison.Ordinal)));

        var (response, _) = await editor.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Resources_EveryTemplateRuleCode_HasAMessage()
    {
        var templatesFolder = Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Core", "Templates");
        var codes = Directory.EnumerateFiles(templatesFolder, "*.cs")
            .SelectMany(f => RuleCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        var resx = File.ReadAllText(Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "Shared", "Resources", "SharedResource.ja.resx"));

        Assert.Contains("RequiredSectionUnknown", codes);
        Assert.Contains("NameTaken", codes);
        Assert.DoesNotContain(codes, c => !resx.Contains($"name=\"Templates.Validation.{c}\"", StringComparison.Ordinal));
    }

    private ITemplateStore Store => factory.Services.GetRequiredService<ITemplateStore>();

    private async Task<StepTemplate> FindAsync(long id) => (await Store.FindAsync(id, CancellationToken.None))!;

    private async Task<long> IdOfAsync(string name) => (await Store.FindByNameAsync(name, CancellationToken.None))!.Id;

    private async Task<WebSession> ReaderAsync(string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Reader, "経理・財務");
        return await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
    }

    private async Task<WebSession> EditorAsync(string userName)
    {
        await factory.CreateUserAsync(userName, Roles.Editor, "総務");
        return await WebSession.SignInAsync(factory, userName, ManualsAppFactory.UserPassword);
    }

    /// <summary>Every field of the template form as a browser would send it, every ticked checkbox included.</summary>
    private static List<KeyValuePair<string, string>> AllFields(IHtmlDocument document, string intent)
    {
        var form = (IHtmlFormElement)document.QuerySelector("form.template-form")!;
        var fields = WebSession.FormFields(form).Where(f => f.Key != "RequiredSections").ToList();
        fields.AddRange(form.QuerySelectorAll("input[name=RequiredSections]").Cast<IHtmlInputElement>()
            .Where(b => b.IsChecked)
            .Select(b => new KeyValuePair<string, string>("RequiredSections", b.Value)));
        fields.Add(new("intent", intent));
        return fields;
    }

    private static IHtmlInputElement Checkbox(IHtmlDocument document, string value) =>
        document.QuerySelectorAll("input[name=RequiredSections]").Cast<IHtmlInputElement>().Single(b => b.Value == value);

    [GeneratedRegex(@"nameof\([^)]*\), ""(?<code>[A-Za-z]+)""")]
    private static partial Regex RuleCode();
}
