using System.Net;
using Manuals.Core.Accounts;
using Manuals.Data;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Search;

public sealed class MissedSearchTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    [Fact]
    public async Task Search_ZeroHitsInTwoWidths_CountedAsOneNormalisedRow()
    {
        var admin = await AdminAsync();

        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("ＰＣ　手順 ぴよ棚卸"));
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString(" pc  手順 ぴよ棚卸 "));
        var (response, document) = await admin.GetAsync("/admin/missed-searches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("探されたが見つからなかった手順", document.QuerySelector("h1")!.TextContent);
        var rows = document.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector(".missed-searches__query")!.TextContent == "pc 手順 ぴよ棚卸").ToList();
        var row = Assert.Single(rows);
        var cells = row.QuerySelectorAll("td");
        Assert.Equal("2 回", cells[1].TextContent);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", cells[2].TextContent);
        Assert.Equal("0 件", cells[3].TextContent);
        Assert.Equal("/templates/choose", row.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.NotNull(row.QuerySelector("form[data-confirm] button"));
        Assert.Equal("page", document.QuerySelector(".admin-nav a[href='/admin/missed-searches']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Search_ManyHitsLaterPagesFiltersOrNoWords_AreNotCounted()
    {
        var admin = await AdminAsync();

        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("手順"));
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("ぴよ数えない一") + "&page=2");
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("ぴよ数えない二") + "&status=Draft");
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("\"*\"()"));
        await admin.GetAsync("/search");
        var (_, document) = await admin.GetAsync("/admin/missed-searches");

        var queries = document.QuerySelectorAll(".missed-searches__query").Select(q => q.TextContent).ToList();
        Assert.DoesNotContain("手順", queries);
        Assert.DoesNotContain(queries, q => q.Contains("数えない", StringComparison.Ordinal));
        Assert.DoesNotContain(queries, q => q.Length == 0 || q.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissedSearchesTable_StoresNothingAboutWhoOrWhen()
    {
        var admin = await AdminAsync();
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("ぴよ誰が検索"));

        var connections = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM search_misses";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var days = new List<string>();
        while (await reader.ReadAsync())
        {
            days.Add(reader.GetString(reader.GetOrdinal("last_day")));
        }

        Assert.Equal(["id", "query", "search_count", "last_day", "last_hits"], columns);
        Assert.NotEmpty(days);
        Assert.All(days, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
    }

    [Fact]
    public async Task MissedSearches_Resolve_RemovesTheRow()
    {
        var admin = await AdminAsync();
        await admin.GetAsync("/search?q=" + Uri.EscapeDataString("ぴよ対応済み"));
        var (_, before) = await admin.GetAsync("/admin/missed-searches");
        var row = before.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector(".missed-searches__query")!.TextContent == "ぴよ対応済み");
        var action = row.QuerySelector("form")!.GetAttribute("action")!;
        var token = await admin.TokenFromAsync("/admin/missed-searches");

        var response = await admin.PostAsync(action, [new("__RequestVerificationToken", token)]);
        var (_, document) = await admin.GetAsync("/admin/missed-searches");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(document.QuerySelectorAll(".missed-searches__query"), q => q.TextContent == "ぴよ対応済み");
        Assert.Contains("対応済みにしました。", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissedSearches_Reader_Gets403()
    {
        await factory.CreateUserAsync("reader.missed-probe", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.missed-probe", ManualsAppFactory.UserPassword);
        var token = await reader.TokenFromAsync("/search");

        var (page, _) = await reader.GetAsync("/admin/missed-searches");
        var post = await reader.PostAsync("/admin/missed-searches/1/resolve", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);
}
