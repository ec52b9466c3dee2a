using System.Diagnostics;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Manuals.Web.Tests.Hosting;

/// <summary><c>reindex</c> beside a running node: the command only asks, through the database; the node rebuilds.</summary>
public sealed class ReindexCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-reindex-").FullName;

    [Fact]
    public async Task Reindex_WhileANodeRuns_TheNodeRebuildsItsIndexFromTheDatabase()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "card.md"), "---\ntitle: 名刺の発注\ndepartment: 総務\nstatus: 公開\n---\n## 手順\n1. 申請します。\n");
        var settings = AppNode.Settings("Sqlite", $"Data Source={Database}", Path.Combine(_directory, "index"));
        Assert.Equal(0, (await AppProcess.RunAsync(["import", folder], settings)).ExitCode);
        await using var node = await AppNode.StartAsync(settings);
        await node.WaitHealthyAsync(TimeSpan.FromSeconds(30));
        var admin = await node.SignInAsync("admin", AppNode.AdminPassword);
        // A change behind the journal's back: only a rebuild from the manuals can put it in the index.
        await using (var connection = new SqliteConnection($"Data Source={Database}"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE manuals SET title = '稟議書の回覧' WHERE title = '名刺の発注'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Assert.DoesNotContain("稟議書の回覧", await SearchAsync(admin, "稟議書"), StringComparison.Ordinal);

        // The node holds its index folder: a command that opened it would be refused.
        var (exitCode, output, errors) = await AppProcess.RunAsync(["reindex"], settings);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("すべてのノードに検索インデックスの再構築を依頼しました。", output, StringComparison.Ordinal);
        var deadline = Stopwatch.StartNew();
        while (!(await SearchAsync(admin, "稟議書")).Contains("稟議書の回覧", StringComparison.Ordinal))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The node did not rebuild its index.\n" + node.Output);
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "manuals.db");

    private static async Task<string> SearchAsync(WebSession session, string query)
    {
        var (_, page) = await session.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        return page.QuerySelector("main")?.TextContent ?? "";
    }
}
