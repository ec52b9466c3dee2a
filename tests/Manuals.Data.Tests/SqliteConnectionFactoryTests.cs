using Dapper;

namespace Manuals.Data.Tests;

/// <summary>The SQLite the app runs on is the bundled, current one (the old pins shipped SQLite 3.35.5, from 2021).</summary>
public sealed class SqliteConnectionFactoryTests
{
    [Fact]
    public async Task OpenAsync_BundledLibrary_IsSqlite3_50OrNewer()
    {
        var factory = new SqliteConnectionFactory("Data Source=:memory:");
        await using var connection = await factory.OpenAsync(CancellationToken.None);

        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()") ?? "0.0");

        Assert.True(version >= new Version(3, 50), $"SQLite {version}");
    }
}
