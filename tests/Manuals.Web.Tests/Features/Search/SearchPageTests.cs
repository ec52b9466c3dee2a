using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Web.Features.Search;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Search;

public sealed class SearchPageTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "(", ")", "NEAR(決算 月次)", "NEAR(", "*", "決算*", ":", "title:決算", "body:", "^決算", "AND", "OR", "NOT",
        "決算 AND OR NOT", "'; DROP TABLE manuals; --", "&|!<->:*", "\\", "%", "_", "<script>alert(1)</script>",
        "決算\u0000\u0001\u001F", "\uD800決算\uDFFF", new string('経', 10_000), string.Concat(Enumerable.Repeat("決算 \"NEAR( * ^ : -", 600)),
    };

    [Fact]
    public async Task Search_Anonymous_RedirectsToSignIn()
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/search?q=決算", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AnyPage_SignedIn_HasTheHeaderSearchBox()
    {
        var admin = await AdminAsync();

        var (_, document) = await admin.GetAsync("/manuals");

        var form = document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("マニュアルを検索", form.QuerySelector("label[for=site-search-q]")!.TextContent);
        Assert.Equal("q", document.QuerySelector("#site-search-q")!.GetAttribute("name"));
    }

    [Fact]
    public async Task Search_Kessan_ListsMonthlyClosingFirstWithCountAndMarkedSnippets()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("決算"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("「決算」の検索結果", document.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"^\d+ 件見つかりました", document.QuerySelector(".search-count")!.TextContent);
        var first = document.QuerySelector(".search-hit")!;
        Assert.Equal("月次決算の手順", first.QuerySelector(".search-hit__title a")!.TextContent);
        Assert.Equal("決算", first.QuerySelector(".search-hit__title mark")!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".search-hit__snippet mark"), m => m.TextContent == "決算");
        Assert.Contains("経理・財務", first.QuerySelector(".search-hit__meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("決算", document.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_NoWords_ShowsTheHintWithoutResults()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("マニュアルを検索", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("探したい言葉を入力してください", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task Search_NothingFound_SaysSoInJapanese()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("存在しない語句ぴよぴよ"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「存在しない語句ぴよぴよ」に一致するマニュアルは見つかりませんでした。", document.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OneCharacter_FindsManuals()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("税"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(document.QuerySelectorAll(".search-hit"));
        Assert.All(document.QuerySelectorAll(".search-hit__snippet mark"), m => Assert.Equal("税", m.TextContent));
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_EngineSyntaxOrBrokenText_Answers200WithAPage(string text)
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form.search-form"));
        Assert.Null(document.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task Search_ThousandCharacters_IsCutWithANotice()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("決算 " + new string('経', 1000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("検索語が長すぎるため", document.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SearchLimits.MaxQueryLength, document.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task Search_RestrictedManual_HiddenFromReaderOutsideItsDepartmentEvenInTheCount()
    {
        await factory.CreateUserAsync("reader.search-outsider", Roles.Reader, "経理・財務");
        await factory.CreateUserAsync("reader.search-member", Roles.Reader, "人事・労務");
        var outsider = await WebSession.SignInAsync(factory, "reader.search-outsider", ManualsAppFactory.UserPassword);
        var member = await WebSession.SignInAsync(factory, "reader.search-member", ManualsAppFactory.UserPassword);
        var url = "/search?q=" + Uri.EscapeDataString("給与計算");

        var (_, hidden) = await outsider.GetAsync(url);
        var (_, shown) = await member.GetAsync(url);

        Assert.DoesNotContain(Titles(hidden), t => t == "給与計算の手順");
        Assert.Contains(Titles(shown), t => t == "給与計算の手順");
        Assert.Equal(Count(shown) - 1, Count(hidden));
        Assert.Equal(Titles(hidden).Count, Count(hidden));
    }

    [Fact]
    public async Task Search_MarkupInManualText_IsEncodedAroundTheMarks()
    {
        await CreateIndexedAsync("スクリプト混入テスト", "本文に <script>alert('x')</script> と書かれた検証用語句です。");
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("検証用語句"));
        var html = await response.Content.ReadAsStringAsync();

        var hit = Assert.Single(document.QuerySelectorAll(".search-hit"));
        Assert.Contains("<script>alert('x')</script>", hit.QuerySelector(".search-hit__snippet")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector(".search-hit script"));
        Assert.Equal("検証用語句", hit.QuerySelector(".search-hit__snippet mark")!.TextContent);
    }

    [Fact]
    public async Task Search_DepartmentAndStatusFilters_NarrowTheResults()
    {
        var admin = await AdminAsync();

        var (_, all) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("経理"));
        var (_, legal) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("経理") + "&department=4");
        var (_, drafts) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("経理") + "&status=Draft");

        Assert.True(Count(legal) > 0 && Count(legal) < Count(all));
        Assert.All(legal.QuerySelectorAll(".search-hit__meta"), m => Assert.Contains("法務", m.TextContent, StringComparison.Ordinal));
        Assert.True(Count(drafts) > 0 && Count(drafts) < Count(all));
        Assert.All(drafts.QuerySelectorAll(".search-hit__meta .badge--draft"), b => Assert.Equal("下書き", b.TextContent));
        Assert.Equal(Count(drafts), drafts.QuerySelectorAll(".search-hit__meta .badge--draft").Length);
        Assert.Equal("4", legal.QuerySelector("#search-department option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_UpdateDates_AreDaysInJapanTime()
    {
        // 00:30 on 1 April in Tokyo is still 31 March in UTC.
        await CreateIndexedAsync("日付境界の手順", "日付境界確認の本文です。", new DateTimeOffset(2025, 4, 1, 0, 30, 0, TimeSpan.FromHours(9)));
        var admin = await AdminAsync();
        var url = "/search?q=" + Uri.EscapeDataString("日付境界確認");

        var (_, sameDay) = await admin.GetAsync($"{url}&from=2025-04-01&to=2025-04-01");
        var (_, dayBefore) = await admin.GetAsync($"{url}&to=2025-03-31");
        var (_, dayAfter) = await admin.GetAsync($"{url}&from=2025-04-02");

        Assert.Equal(["日付境界の手順"], Titles(sameDay));
        Assert.Empty(Titles(dayBefore));
        Assert.Empty(Titles(dayAfter));
        Assert.Equal("2025-04-01", sameDay.QuerySelector("#search-from")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("department=abc")]
    [InlineData("status=99")]
    [InlineData("from=2026-13-45")]
    [InlineData("to=0001-01-01")]
    [InlineData("page=x")]
    public async Task Search_BadFilterValue_Answers400KeepingTheWords(string filter)
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("決算") + "&" + filter);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("決算", document.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Contains("正しくない値", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ManyResults_PagesKeepTheQueryAndFilters()
    {
        for (var i = 0; i < 23; i++)
        {
            await CreateIndexedAsync($"ページ送り確認 {i:D2}", "頁送検証の本文です。");
        }

        var admin = await AdminAsync();

        var (_, first) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("頁送検証") + "&sort=updated");
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await admin.GetAsync(next);
        var (beyond, last) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("頁送検証") + "&page=99");

        Assert.Equal(23, Count(first));
        Assert.Equal(SearchLimits.PageSize, first.QuerySelectorAll(".search-hit").Length);
        Assert.Contains("sort=updated", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal(3, second.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("2", second.QuerySelector(".pagination [aria-current=page]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Equal(3, last.QuerySelectorAll(".search-hit").Length);
    }

    [Fact]
    public async Task AdminSearch_Reader_Gets403()
    {
        await factory.CreateUserAsync("reader.search-admin-probe", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.search-admin-probe", ManualsAppFactory.UserPassword);
        var token = await reader.TokenFromAsync("/search");

        var (page, _) = await reader.GetAsync("/admin/search");
        var post = await reader.PostAsync("/admin/search/rebuild", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task AdminSearch_Rebuild_RunsInTheBackgroundAndReportsTheCount()
    {
        var admin = await AdminAsync();
        var (page, before) = await admin.GetAsync("/admin/search");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(before.QuerySelector("form[action='/admin/search/rebuild'][data-confirm]"));

        var response = await admin.SubmitAsync("/admin/search", "form[action='/admin/search/rebuild']", []);
        await factory.Services.GetRequiredService<SearchRebuildJob>().Current;
        var (_, after) = await admin.GetAsync("/admin/search");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var manuals = await factory.Services.GetRequiredService<IManualStore>().CountAsync(CancellationToken.None);
        Assert.Contains($"（{manuals} 件）", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", after.QuerySelectorAll(".meta dd")[2].TextContent);
    }

    [Fact]
    public async Task Search_NoManualHoldsEveryWord_SaysSoAndListsThoseHoldingMostWordsFirst()
    {
        var admin = await AdminAsync();

        var (response, document) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("新入社員 社会保険 手続き 押印"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "すべての語を含むマニュアルはありません。一部の語を含むマニュアルを表示しています。",
            document.QuerySelector(".search-partial")!.TextContent.Trim());
        Assert.Contains("社会保険の資格取得手続き", Titles(document).Take(3));
        Assert.Equal(Titles(document).Count, Count(document));
    }

    [Fact]
    public async Task Search_NearMissSpelling_OffersACorrectionLinkThatRunsTheCorrectedSearch()
    {
        var admin = await AdminAsync();

        var (_, typo) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("年末調製") + "&status=Published");
        var link = typo.QuerySelector(".search-correction a")!;
        var (_, corrected) = await admin.GetAsync(link.GetAttribute("href")!);
        var (_, found) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("年末調整"));

        Assert.StartsWith("もしかして:", typo.QuerySelector(".search-correction")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("年末調整", link.TextContent);
        Assert.Equal("/search?q=" + Uri.EscapeDataString("年末調整") + "&status=Published", link.GetAttribute("href"));
        Assert.Contains("年末調整の手順", Titles(corrected));
        Assert.Null(found.QuerySelector(".search-correction"));
    }

    [Fact]
    public async Task Search_TagLinkWithoutWords_ListsTheTaggedManualsNewestFirstWithRelevanceNotOffered()
    {
        var admin = await AdminAsync();
        var (_, results) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("決算"));
        var tagLink = results.QuerySelectorAll(".search-hit__meta a.tag").First(a => a.TextContent == "#月次");

        var (response, listing) = await admin.GetAsync(tagLink.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/search?tag=" + Uri.EscapeDataString("月次"), tagLink.GetAttribute("href"));
        Assert.True(Count(listing) >= 2);
        Assert.All(listing.QuerySelectorAll(".search-hit__meta"), m => Assert.Contains(m.QuerySelectorAll("a.tag"), a => a.TextContent == "#月次"));
        var dates = listing.QuerySelectorAll(".search-hit__meta time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal("updated", listing.QuerySelector("#search-sort option[selected]")!.GetAttribute("value"));
        Assert.True(listing.QuerySelector("#search-sort option[value='']")!.HasAttribute("disabled"));
        Assert.Equal("月次", listing.QuerySelector("#search-tag option[selected]")!.GetAttribute("value"));
        Assert.Equal("タグ「月次」のマニュアル", listing.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Search_FilterWithoutWordsOrTag_IsHeadedAsAListing()
    {
        var admin = await AdminAsync();

        var (response, listing) = await admin.GetAsync("/search?status=Published");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("条件に当てはまるマニュアル", listing.QuerySelector("h1")!.TextContent);
        Assert.Equal("条件に当てはまるマニュアル | 業務マニュアル", listing.Title);
    }

    [Fact]
    public async Task ManualPage_Tags_AreLinksToTheirListing()
    {
        var admin = await AdminAsync();
        var (_, results) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("月次決算の手順"));

        var (_, manual) = await admin.GetAsync(results.QuerySelector(".search-hit__title a")!.GetAttribute("href")!);

        var tag = manual.QuerySelectorAll(".manual__badges a.tag").First(a => a.TextContent == "#決算");
        Assert.Equal("/search?tag=" + Uri.EscapeDataString("決算"), tag.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_TaskNamesHoldingTheWords_AreListedForTheirDepartmentOnly()
    {
        var departments = await factory.Services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        var accounting = departments.First(d => d.Name == "経理・財務").Id;
        var personnel = departments.First(d => d.Name == "人事・労務").Id;
        var tasks = factory.Services.GetRequiredService<IBusinessTaskStore>();
        var shown = await tasks.CreateAsync(
            new BusinessTask { DepartmentId = accounting, Name = "固定資産の棚卸照合", Frequency = TaskFrequency.Yearly }, factory.Clock.GetUtcNow(), CancellationToken.None);
        await tasks.CreateAsync(
            new BusinessTask { DepartmentId = personnel, Name = "備品の棚卸照合", Frequency = TaskFrequency.Yearly }, factory.Clock.GetUtcNow(), CancellationToken.None);
        await factory.CreateUserAsync("reader.search-tasks", Roles.Reader, "経理・財務");
        var reader = await WebSession.SignInAsync(factory, "reader.search-tasks", ManualsAppFactory.UserPassword);

        var (response, document) = await reader.GetAsync("/search?q=" + Uri.EscapeDataString("棚卸照合"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("該当する業務", document.QuerySelector(".search-tasks h2")!.TextContent);
        var link = Assert.Single(document.QuerySelectorAll(".search-tasks a"));
        Assert.Equal("固定資産の棚卸照合", link.TextContent);
        Assert.Equal($"/tasks/{shown}", link.GetAttribute("href"));
        Assert.Equal("棚卸照合", link.QuerySelector("mark")!.TextContent);
    }

    [Theory]
    [InlineData("/search?tag=%3Cscript%3E")]
    [InlineData("/search?tag=" + "%E2%80%8B")]
    [InlineData("/search?q=-%E6%B1%BA%E7%AE%97&tag=%E6%9C%88%E6%AC%A1")]
    [InlineData("/search?q=%22%E7%B5%8C%E7%90%86%20%E9%83%A8%22&sort=updated&page=999999")]
    public async Task Search_OddListingsAndPhrases_Answer200(string url)
    {
        var admin = await AdminAsync();

        var (response, _) = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    /// <summary>Creates a manual and brings the index up to date (whether or not saves index by themselves).</summary>
    private async Task CreateIndexedAsync(string title, string body, DateTimeOffset? at = null)
    {
        var draft = new ManualDraft(title, 3, ManualVisibility.Company, ManualStatus.Published, null, [], body, "テスト");
        await factory.Services.GetRequiredService<IManualStore>().CreateAsync(
            draft, new Author(null, "テスト"), null, at ?? factory.Clock.GetUtcNow(), CancellationToken.None);
        await factory.Services.GetRequiredService<ISearchIndex>().CatchUpAsync(CancellationToken.None);
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll(".search-hit__title a").Select(a => a.TextContent).ToList();

    private static int Count(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelector(".search-count") is { } count ? int.Parse(count.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
}
