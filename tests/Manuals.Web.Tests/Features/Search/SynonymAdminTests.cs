using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Search;

public sealed class SynonymAdminTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private const string RingiTitle = "社内申請の回し方（同義語テスト）";

    [Fact]
    public async Task Synonyms_AdminAddsRingiKessai_NextSearchForKessaiFindsRingiOnlyManual()
    {
        var admin = await AdminAsync();
        await CreateIndexedAsync(RingiTitle, "金額が大きい購入は稟議書を作成し、部長に回します。");
        var url = "/search?q=" + Uri.EscapeDataString("決裁");
        var (_, before) = await admin.GetAsync(url);
        Assert.DoesNotContain(Titles(before), t => t == RingiTitle);

        var response = await admin.SubmitAsync("/admin/synonyms", "form#synonym-add", new() { ["words"] = "稟議, 決裁" });
        var (_, after) = await admin.GetAsync(url);
        var (_, list) = await admin.GetAsync("/admin/synonyms");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Titles(after), t => t == RingiTitle);
        Assert.Contains(list.QuerySelectorAll(".synonyms__edit input[name=words]"), i => i.GetAttribute("value") == "稟議、決裁");
        Assert.Equal("page", list.QuerySelector(".admin-nav a[href='/admin/synonyms']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Synonyms_EditAndDelete_ApplyToTheNextSearch()
    {
        var admin = await AdminAsync();
        var store = factory.Services.GetRequiredService<ISynonymStore>();
        var id = await store.AddAsync(["ぴよ一", "ぴよ二"], CancellationToken.None);

        var edit = await admin.SubmitAsync("/admin/synonyms", $"form[action='/admin/synonyms/{id}']", new() { ["words"] = "ぴよ一、ぴよ三、ぴよ四" });
        var edited = (await store.ListAsync(CancellationToken.None)).Single(g => g.Id == id);
        var delete = await admin.SubmitAsync("/admin/synonyms", $"form[action='/admin/synonyms/{id}/delete']", []);
        var (_, page) = await admin.GetAsync("/admin/synonyms");

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(["ぴよ一", "ぴよ三", "ぴよ四"], edited.Terms);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), g => g.Id == id);
        Assert.NotNull(page.QuerySelector("form[action$='/delete'][data-confirm]"));
    }

    [Theory]
    [InlineData("稟議", "2 つ以上")]
    [InlineData("稟議、稟議", "2 つ以上")]
    [InlineData("稟議,,、 ", "2 つ以上")]
    [InlineData("稟議, ★☆★", "検索できる文字がありません")]
    [InlineData("稟議, あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれ", "40 文字以内")]
    [InlineData("a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20,a21", "20 個まで")]
    public async Task Synonyms_InvalidGroup_Answers400KeepingTheText(string words, string message)
    {
        var admin = await AdminAsync();
        var before = await factory.Services.GetRequiredService<ISynonymStore>().ListAsync(CancellationToken.None);

        var response = await admin.SubmitAsync("/admin/synonyms", "form#synonym-add", new() { ["words"] = words });
        var document = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(words, document.QuerySelector("#synonym-new")!.GetAttribute("value"));
        Assert.Equal("true", document.QuerySelector("#synonym-new")!.GetAttribute("aria-invalid"));
        Assert.Contains(message, document.QuerySelector("#synonym-new-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await factory.Services.GetRequiredService<ISynonymStore>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Synonyms_Reader_Gets403()
    {
        await factory.CreateUserAsync("reader.synonym-probe", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.synonym-probe", ManualsAppFactory.UserPassword);
        var token = await reader.TokenFromAsync("/search");

        var (page, _) = await reader.GetAsync("/admin/synonyms");
        var add = await reader.PostAsync("/admin/synonyms", [new("__RequestVerificationToken", token), new("words", "稟議, 決裁")]);
        var delete = await reader.PostAsync("/admin/synonyms/1/delete", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private async Task CreateIndexedAsync(string title, string body)
    {
        var draft = new ManualDraft(title, 3, ManualVisibility.Company, ManualStatus.Published, null, [], body, "テスト");
        await factory.Services.GetRequiredService<IManualStore>().CreateAsync(
            draft, new Author(null, "テスト"), null, factory.Clock.GetUtcNow(), CancellationToken.None);
        await factory.Services.GetRequiredService<ISearchIndex>().CatchUpAsync(CancellationToken.None);
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll(".search-hit__title a").Select(a => a.TextContent).ToList();
}
