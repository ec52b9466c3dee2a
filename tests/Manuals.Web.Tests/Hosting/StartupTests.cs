using Dapper;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Manuals.Web.Tests.Hosting;

/// <summary>Start-up stops with a clear Japanese message, and the database unchanged, when the database is not usable.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-startup-").FullName;

    [Fact]
    public async Task Start_MigrationFails_StopsWithMessageAndLeavesDatabaseAsItWas()
    {
        // A database someone else already put a `departments` table in: migration 0001 cannot create it.
        var database = Path.Combine(_directory, "manuals.db");
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.ExecuteAsync("CREATE TABLE departments (id INTEGER PRIMARY KEY, label TEXT)");
        }

        var (exitCode, _, errors) = await RunAppAsync(database);

        Assert.Equal(1, exitCode);
        Assert.Contains("起動を中止しました: データベースの移行に失敗しました。データベースは変更されていません。", errors, StringComparison.Ordinal);
        Assert.Contains("0001_initial", errors, StringComparison.Ordinal);
        await using var check = new SqliteConnection($"Data Source={database}");
        var tables = (await check.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).ToList();
        Assert.DoesNotContain("users", tables);
        Assert.DoesNotContain("manuals", tables);
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM departments"));
    }

    [Fact]
    public async Task Start_FileIsNotADatabase_StopsWithMessage()
    {
        var database = Path.Combine(_directory, "manuals.db");
        await File.WriteAllTextAsync(database, "これはデータベースではありません。This is not a database file at all, just text.");

        var (exitCode, _, errors) = await RunAppAsync(database);

        Assert.Equal(1, exitCode);
        Assert.Contains("起動を中止しました: データベースに接続できません。", errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAppAsync(string database) =>
        AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ConnectionStrings__Manuals"] = $"Data Source={database}",
            ["Storage__Provider"] = "Sqlite",
        });
}
