using Manuals.Data.Migrations;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Hosting;

/// <summary><c>check</c> run as its own process: what it reports, and its exit code.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-check-").FullName;

    [Fact]
    public async Task Check_FreshDatabase_ReportsTheSchemaAndExits0()
    {
        var migrations = await MigrateAsync();

        var (exitCode, output, errors) = await RunAsync("check");

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains($"[OK] スキーマ: バージョン {migrations.Max()}（{migrations.Count} 件すべて適用済み）", output, StringComparison.Ordinal);
        Assert.Contains("進み具合を報告しているノードはありません", output, StringComparison.Ordinal);
        Assert.Contains("対応が必要なものはありません。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AGenerationNoIndexUses_NamesItAndExits1()
    {
        await MigrateAsync();
        var index = Path.Combine(_directory, "index");
        new LuceneIndex(index).Dispose();
        Directory.CreateDirectory(Path.Combine(index, "generation-000007"));

        var (exitCode, output, _) = await RunAsync("check");

        Assert.Equal(1, exitCode);
        Assert.Contains("[要対応] 検索インデックスのフォルダ", output, StringComparison.Ordinal);
        Assert.Contains("使われていない世代フォルダがあります: generation-000007", output, StringComparison.Ordinal);
        Assert.Contains("対応が必要なものが 1 件あります。", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(index, "generation-000007")), "check changes nothing");
    }

    [Fact]
    public async Task Check_DatabaseWithoutTables_SaysHowToCreateThemAndExits1()
    {
        var (exitCode, output, _) = await RunAsync("check", "--lang", "en");

        Assert.Equal(1, exitCode);
        Assert.Contains("[action] The database has no tables yet", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "manuals.db");

    private async Task<IReadOnlyList<int>> MigrateAsync()
    {
        await using var services = TestData.ForSqlite(Database);
        var runner = services.GetRequiredService<MigrationRunner>();
        await runner.MigrateAsync(CancellationToken.None);
        return runner.Known.Select(m => m.Version).ToList();
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        AppProcess.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={Database}",
            ["Storage__Provider"] = "Sqlite",
            ["Search__IndexPath"] = Path.Combine(_directory, "index"),
        });
}
