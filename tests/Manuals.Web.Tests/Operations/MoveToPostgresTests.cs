using System.Globalization;
using System.Net;
using Manuals.Data;
using Manuals.Data.Operations;
using Manuals.Data.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Operations;

/// <summary>
/// The move from SQLite to PostgreSQL as an operator makes it: the app runs on SQLite with the sample manuals, is
/// stopped, everything is copied, and the app started on PostgreSQL — with the same search index folder, built from the
/// SQLite database — shows the same manuals, people and handovers, and its search finds the same ones in the same order.
/// </summary>
[LongRunning(47)]
public sealed class MoveToPostgresTests : IDisposable
{
    private static readonly string[] Queries = ["経費精算", "年末調整", "月次決算", "申込"];

    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-move-").FullName;
    [Fact]
    public async Task CopyAsync_AppStartedOnTheTarget_ShowsTheSameManualsPeopleAndHandoversAndSearchFindsTheSame()
    {
        var sqlite = $"Data Source={Path.Combine(_directory, "manuals.db")}";
        var indexPath = Path.Combine(_directory, "search-index");
        var settings = AppNode.Settings("Sqlite", sqlite, indexPath);
        settings["Manuals__ImportSamplesOnFirstStart"] = "true";
        settings["Manuals__SamplesPath"] = SamplesPath();
        var before = new Dictionary<string, List<long>>();
        string page;
        var pages = new Dictionary<string, string>();
        await using (var node = await AppNode.StartAsync(settings))
        {
            await node.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var admin = await node.SignInAsync("admin", AppNode.AdminPassword);
            foreach (var query in Queries)
            {
                before[query] = await HitsAsync(admin, query);
                Assert.NotEmpty(before[query]);
            }

            page = await ManualTitleAsync(admin, before[Queries[0]][0]);
            var handover = await StartHandoverAsync(admin);
            await admin.GetAsync($"/handovers/{handover}"); // the page after the redirect, with its one-time 「開始しました」
            foreach (var path in (string[])["/employees", "/handovers", $"/handovers/{handover}", "/coverage"])
            {
                pages[path] = await MainTextAsync(admin, path);
            }
        }

        // A database of its own in the test run's cluster (dropped with the cluster when the run ends).
        var postgres = await (await PostgresCluster.GetSharedAsync()).CreateDatabaseAsync();
        await using (var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDbConnectionFactory>(new SqliteConnectionFactory(sqlite))
            .AddManualsStores()
            .BuildServiceProvider())
        {
            await services.GetRequiredService<PostgresMigration>().CopyAsync(postgres, null, CancellationToken.None);
        }

        await using (var node = await AppNode.StartAsync(AppNode.Settings("Postgres", postgres, indexPath)))
        {
            await node.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var admin = await node.SignInAsync("admin", AppNode.AdminPassword);
            foreach (var query in Queries)
            {
                Assert.Equal(before[query], await HitsAsync(admin, query));
            }

            Assert.Equal(page, await ManualTitleAsync(admin, before[Queries[0]][0]));
            foreach (var (path, text) in pages)
            {
                Assert.Equal(text, await MainTextAsync(admin, path));
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The repository's sample manuals (their coverage samples lie beside them).</summary>
    private static string SamplesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Manuals.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "manuals");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Manuals.sln) was not found above the test's folder.");
    }

    private static async Task<List<long>> HitsAsync(WebSession session, string word)
    {
        var (response, document) = await session.GetAsync("/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll(".search-hit__title a")
            .Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1], CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>A handover of the first person on the employee list, started through the app's form.</summary>
    private static async Task<long> StartHandoverAsync(WebSession admin)
    {
        var (_, list) = await admin.GetAsync("/employees");
        var employee = list.QuerySelectorAll("a[href^='/employees/']")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1])
            .First(id => id.All(char.IsAsciiDigit));
        var response = await admin.SubmitAsync(
            $"/handovers/new?employee={employee}",
            "form[action='/handovers/new'][method=post]",
            new() { ["Reason"] = "Transfer", ["ManagerName"] = "松田 康弘", ["EffectiveDate"] = "2027-01-15" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<string> MainTextAsync(WebSession session, string path)
    {
        var (response, document) = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = document.QuerySelector("main")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(text), path);
        return text;
    }

    private static async Task<string> ManualTitleAsync(WebSession session, long id)
    {
        var (response, document) = await session.GetAsync($"/manuals/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelector("h1")!.TextContent.Trim() + "\n" + document.QuerySelector("main")!.TextContent;
    }
}
