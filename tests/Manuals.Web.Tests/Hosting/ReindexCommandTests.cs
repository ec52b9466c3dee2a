using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Hosting;
using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Hosting;

/// <summary>Runs <c>Manuals.Web reindex</c> in its own process, as an operator would.</summary>
public sealed class ReindexCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-reindex-").FullName;

    [Fact]
    public async Task Reindex_ImportedSamples_ShowsProgressAndIndexesEveryManual()
    {
        var database = Path.Combine(_directory, "manuals.db");
        var samples = Path.Combine(ManualsAppFactory.RepositoryRoot, "samples", "manuals");
        var manuals = Directory.GetFiles(samples, "*.md").Length;
        var (imported, _, _) = await RunAsync(database, "import", samples);

        var (exitCode, output, errors) = await RunAsync(database, "reindex");

        Assert.Equal(0, imported);
        Assert.True(exitCode == 0, errors);
        Assert.Contains("検索インデックスを再構築しています", output, StringComparison.Ordinal);
        Assert.Contains($"100%  {manuals}/{manuals}", output, StringComparison.Ordinal);
        Assert.Contains($"検索インデックスを再構築しました（{manuals} 件、", output, StringComparison.Ordinal);
        // The index beside the database now holds one document per manual, in its only generation.
        using var index = new LuceneIndex(Path.Combine(_directory, "search-index"));
        Assert.Equal(manuals, index.Read(searcher => searcher.IndexReader.NumDocs));
        Assert.Equal(LuceneSearchIndex.SchemaVersion, index.CommitData[LuceneIndexer.SchemaKey]);
        Assert.Single(Directory.GetDirectories(index.Path, "generation-*"));
    }

    [Fact]
    public async Task Reindex_WhileTheAppHoldsTheIndex_SaysSoInJapaneseAndLeavesItAlone()
    {
        var database = Path.Combine(_directory, "manuals.db");
        using var running = new LuceneIndex(Path.Combine(_directory, "search-index"));

        var (exitCode, _, errors) = await RunAsync(database, "reindex");

        Assert.Equal(1, exitCode);
        Assert.Contains("起動中のアプリが使っています", errors, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(running.Path, "generation-*"));
    }

    [Fact]
    public async Task Reindex_WithAnArgument_PrintsUsageAndFails()
    {
        var (exitCode, output, _) = await RunAsync(Path.Combine(_directory, "manuals.db"), "reindex", "now");

        Assert.Equal(2, exitCode);
        Assert.Contains("reindex", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsoleProgressBar_Redirected_OneLinePerTenthAndTheEnd()
    {
        using var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, interactive: false);

        foreach (var done in new[] { 0, 5, 40, 41, 200 })
        {
            bar.Report(new SearchRebuildProgress(done, 200));
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[░", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("100%  200/200", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ConsoleProgressBar_Terminal_RedrawsInPlaceAndEndsTheLine()
    {
        using var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, interactive: true);

        bar.Report(new SearchRebuildProgress(0, 0));

        Assert.Equal("\r[" + new string('█', 30) + "] 100%  0/0" + Environment.NewLine, output.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(string database, params string[] arguments) =>
        AppProcess.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Storage__Provider"] = "Sqlite",
        });
}
