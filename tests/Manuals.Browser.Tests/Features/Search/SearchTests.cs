using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Search;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    [Fact]
    public async Task HeaderSearch_Kessan_ShowsResultsWithHighlightedSnippetsAndOpensTheManual()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        var results = await new HeaderSearch(page).SearchAsync("決算");

        await Expect(results.Count).ToContainTextAsync("件見つかりました");
        await Expect(results.SearchWords).ToHaveValueAsync("決算");
        var first = results.Hits.First;
        await Expect(first.GetByRole(AriaRole.Link).First).ToHaveTextAsync("月次決算の手順");
        var marks = SearchResultsPage.Marks(first);
        await Expect(marks.First).ToHaveTextAsync("決算");
        Assert.True(await marks.CountAsync() >= 2, "the title and the snippet both mark 決算");
        var background = await marks.Last.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        await Screenshots.SaveAsync(page, "search-results");

        await results.OpenAsync("月次決算の手順");
    }

    [Fact]
    public async Task HeaderSearch_MisspeltWordAndNoFullMatch_ShowsPartialMatchesAndADidYouMeanLinkThatSearchesAgain()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);

        var results = await new HeaderSearch(page).SearchAsync("年末調製 源泉徴収");

        await Expect(results.PartialNotice).ToHaveTextAsync("すべての語を含むマニュアルはありません。一部の語を含むマニュアルを表示しています。");
        await Expect(results.Correction).ToHaveTextAsync("年末調整 源泉徴収");
        await Expect(results.Hits.First).ToBeVisibleAsync();
        var marks = SearchResultsPage.Marks(results.Hits.First);
        await Expect(marks.First).ToHaveTextAsync("源泉徴収");
        await Expect(results.Hits.First).Not.ToContainTextAsync("[ ]");
        await Expect(results.Hits.First).Not.ToContainTextAsync("**");
        await Screenshots.SaveAsync(page, "search-partial-did-you-mean");

        await results.Correction.ClickAsync();

        var corrected = await SearchResultsPage.ShownAsync(page, "年末調整 源泉徴収");
        // One manual holds both words: it comes first, and the manuals holding one of them follow, as the note says.
        await Expect(corrected.Hits.First.GetByRole(AriaRole.Link).First).ToHaveTextAsync("年末調整の手順");
        await Expect(corrected.PartialNotice).ToContainTextAsync("すべての語を含むマニュアルは 1 件です。");
        await Expect(corrected.Correction).ToHaveCountAsync(0);
        await corrected.Hit("年末調整の手順").GetByRole(AriaRole.Link, new() { Name = "#年次" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?tag=%E5%B9%B4%E6%AC%A1$"));
        await Expect(page.GetByLabel("並び順")).ToHaveValueAsync("updated");
        await Screenshots.SaveAsync(page, "search-tag-listing");
    }

    [Fact]
    public async Task HeaderSuggestions_TypeAndChooseWithTheKeyboard_OpensTheManual()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var header = new HeaderSearch(page);

        await header.TypeAsync("月次決");
        var manual = header.Suggestion("月次決算の手順");
        await Expect(manual).ToBeVisibleAsync();
        await Expect(header.Suggestion("月次決算（仮締め）")).ToBeVisibleAsync();
        await Expect(header.Box).ToHaveAttributeAsync("aria-expanded", "true");
        await header.Box.PressAsync("ArrowDown");
        await Expect(manual).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(header.Box).ToHaveAttributeAsync("aria-activedescendant", (await manual.GetAttributeAsync("id"))!);
        await Screenshots.SaveAsync(page, "search-suggestions");
        await header.Box.PressAsync("Escape");
        await Expect(header.Suggestions).ToBeHiddenAsync();
        await Expect(header.Box).ToHaveAttributeAsync("aria-expanded", "false");
        await header.Box.PressAsync("ArrowDown");
        await Expect(manual).ToBeVisibleAsync();
        await header.Box.PressAsync("ArrowDown");
        await header.Box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/manuals/\d+$"));
        await Expect(new ManualPage(page).Title).ToHaveTextAsync("月次決算の手順");
    }

    [Fact]
    public async Task HeaderSuggestions_KeysDuringImeComposition_AreLeftToTheIme()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var header = new HeaderSearch(page);
        await header.TypeAsync("月次決");

        // What a Japanese IME sends while converting: keydown events flagged isComposing (or keyCode 229).
        await header.Box.EvaluateAsync("""
            box => {
              box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', isComposing: true, bubbles: true }));
              const ime = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true });
              Object.defineProperty(ime, 'keyCode', { value: 229 });
              box.dispatchEvent(ime);
              box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true }));
            }
            """);

        await Expect(header.Suggestions).ToBeVisibleAsync();
        await Expect(header.Box).Not.ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex("."));
        await header.Box.PressAsync("ArrowDown");
        await Expect(header.Box).ToHaveAttributeAsync("aria-activedescendant", "site-search-option-0");
    }

    [Fact]
    public async Task HeaderSuggestions_ClickATask_OpensTheTask()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var header = new HeaderSearch(page);

        await header.TypeAsync("給与計算");
        await header.Suggestion("業務").Filter(new() { HasText = "給与計算" }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tasks/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("給与計算");
    }

    [Fact]
    public async Task HeaderSearch_OkuriganaAndWidth_FindTheOtherSpellingsAndMarkThem()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var header = new HeaderSearch(page);

        var moushikomi = await header.SearchAsync("申込");
        await Expect(SearchResultsPage.Marks(moushikomi.Hit("備品・消耗品の発注手順")).First).ToHaveTextAsync("申し込");

        var pc = await header.SearchAsync("ＰＣ");
        await Expect(SearchResultsPage.Marks(pc.Hit("アカウント発行とPC貸与の手順")).First).ToHaveTextAsync("PC");
        await Screenshots.SaveAsync(page, "search-results-width");
    }

    [Fact]
    public async Task MissedSearchesAndSynonyms_AdminTabs_ListAResolveAndAddAGroup()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await new HeaderSearch(page).SearchAsync("電子稟議ぴよ");
        await page.GotoAsync(SearchIndexAdminPage.Url);
        var admin = new SearchWordsAdminPages(page);

        await admin.OpenTabAsync("探されたが見つからなかった手順");
        var row = admin.MissedRow("電子稟議ぴよ");
        await Expect(row).ToContainTextAsync("1 回");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "このテーマでマニュアルを作成" })).ToHaveAttributeAsync("href", "/templates/choose");
        await Screenshots.SaveAsync(page, "search-missed");
        var question = await admin.ClickConfirmedAsync(row.GetByRole(AriaRole.Button, new() { Name = "対応済みにする" }));
        Assert.Contains("電子稟議ぴよ", question, StringComparison.Ordinal);
        await Expect(admin.Flash).ToHaveTextAsync("対応済みにしました。");
        await Expect(row).ToHaveCountAsync(0);

        await admin.OpenTabAsync("同義語");
        await admin.NewSynonymWords.FillAsync("電子稟議, 電子決裁");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加する", Exact = true }).ClickAsync();
        await Expect(admin.Flash).ToHaveTextAsync("同義語のグループを追加しました。");
        await Expect(page.Locator("input[value='電子稟議、電子決裁']")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "search-synonyms");
    }

    [Fact]
    public async Task AdminRebuild_AsksFirstThenStartsInTheBackground()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        var admin = await SearchIndexAdminPage.OpenAsync(page);

        var declined = await admin.RebuildAsync(accept: false);
        await Expect(admin.Heading).ToBeVisibleAsync();
        var question = await admin.RebuildAsync(accept: true);

        Assert.Contains("検索インデックスを作り直します", declined, StringComparison.Ordinal);
        Assert.Equal(declined, question);
        await Expect(admin.Flash).ToHaveTextAsync("検索インデックスの再構築を始めました。");
        await Screenshots.SaveAsync(page, "search-index-admin");
    }
}
