using Dapper;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// A node on SQLite killed (SIGKILL) 20 times during saves (<see cref="CrashRounds"/>): <c>PRAGMA integrity_check</c>
/// and <c>foreign_key_check</c> pass after each restart, every acknowledged save is stored and found.
/// </summary>
[LongRunning(233)]
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-crash-").FullName;

    [Fact]
    public Task Kill_DuringSaves_IntegrityHoldsAndEveryAcknowledgedSaveIsStoredAndFound()
    {
        var database = Path.Combine(_directory, "manuals.db");
        return new CrashRounds(output, _directory).KillDuringSavesAsync(new CrashRounds.Store(
            "Sqlite",
            $"Data Source={database}",
            () => new SqliteConnection($"Data Source={database};Mode=ReadOnly"),
            async connection =>
            {
                Assert.Equal(["ok"], await connection.QueryAsync<string>("PRAGMA integrity_check"));
                Assert.Empty(await connection.QueryAsync("PRAGMA foreign_key_check"));
            }), kills: 20);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
