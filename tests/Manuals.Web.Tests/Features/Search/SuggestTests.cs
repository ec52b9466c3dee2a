using System.Net;
using System.Text.Json;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Features.Search;

[LongRunning(43)]
public sealed class SuggestTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Suggest_Kessan_ReturnsJsonManualTitlesAndTasksWithLinks()
    {
        var admin = await AdminAsync();

        var (response, suggestions) = await SuggestAsync(admin, "月次決");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(suggestions.Count, 1, 8);
        var manual = suggestions.First(s => s.Kind == "manual");
        Assert.Equal("月次決算の手順", manual.Text);
        Assert.Matches(@"^/manuals/\d+$", manual.Url);
        Assert.Contains(suggestions, s => s.Kind == "task" && s.Text == "月次決算（仮締め）" && s.Url.StartsWith("/tasks/", StringComparison.Ordinal));
        Assert.Equal("manual", suggestions[0].Kind);
    }

    [Fact]
    public async Task Suggest_RestrictedManual_NeverOfferedToAReaderOutsideItsDepartment()
    {
        await factory.CreateUserAsync("reader.suggest-outsider", Roles.Reader, "経理・財務");
        await factory.CreateUserAsync("reader.suggest-member", Roles.Reader, "人事・労務");
        var outsider = await WebSession.SignInAsync(factory, "reader.suggest-outsider", ManualsAppFactory.UserPassword);
        var member = await WebSession.SignInAsync(factory, "reader.suggest-member", ManualsAppFactory.UserPassword);

        var (_, hidden) = await SuggestAsync(outsider, "給与計算");
        var (_, shown) = await SuggestAsync(member, "給与計算");

        Assert.DoesNotContain(hidden, s => s.Text == "給与計算の手順");
        Assert.Contains(shown, s => s.Kind == "manual" && s.Text == "給与計算の手順");
        // A department's tasks are for its members too.
        Assert.DoesNotContain(hidden, s => s.Kind == "task" && s.Text == "給与計算");
        Assert.Contains(shown, s => s.Kind == "task" && s.Text == "給与計算");
    }

    [Theory]
    [MemberData(nameof(SearchPageTests.HostileQueries), MemberType = typeof(SearchPageTests))]
    public async Task Suggest_HostileInput_Answers200WithAList(string text)
    {
        var admin = await AdminAsync();

        var (response, suggestions) = await SuggestAsync(admin, text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(suggestions.Count, 0, 8);
    }

    [Fact]
    public async Task Suggest_EmptyOrNoQuery_ReturnsAnEmptyList()
    {
        var admin = await AdminAsync();

        var (_, empty) = await SuggestAsync(admin, "");
        var response = await admin.Client.GetAsync(new Uri("/search/suggest", UriKind.Relative));

        Assert.Empty(empty);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Suggest_NothingFound_IsNotCountedAsAMissedSearch()
    {
        var admin = await AdminAsync();

        await SuggestAsync(admin, "ぴよ候補だけ");
        var (_, page) = await admin.GetAsync("/admin/missed-searches");

        Assert.DoesNotContain(page.QuerySelectorAll(".missed-searches__query"), q => q.TextContent.Contains("ぴよ候補", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggest_Anonymous_IsRefused()
    {
        var response = await factory.CreateBrowserlikeClient().GetAsync(new Uri("/search/suggest?q=決算", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnyPage_SignedIn_HeaderBoxHasTheSuggestionListAndScript()
    {
        var admin = await AdminAsync();

        var (_, document) = await admin.GetAsync("/manuals");

        var form = document.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search/suggest", form.GetAttribute("data-suggest"));
        Assert.Equal("listbox", form.QuerySelector("#site-search-list")!.GetAttribute("role"));
        Assert.NotNull(document.QuerySelector("script[type=module][src^='/js/search-suggest.js']"));
    }

    private static async Task<(HttpResponseMessage Response, List<Suggestion> Suggestions)> SuggestAsync(WebSession session, string text)
    {
        var response = await session.Client.GetAsync(new Uri("/search/suggest?q=" + Uri.EscapeDataString(text), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var suggestions = response.StatusCode == HttpStatusCode.OK
            ? JsonSerializer.Deserialize<List<Suggestion>>(body, JsonSerializerOptions.Web) ?? []
            : [];
        return (response, suggestions);
    }

    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    private sealed record Suggestion(string Kind, string Text, string Url);
}
