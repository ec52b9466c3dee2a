using Dapper;
using Manuals.Data.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// A node on PostgreSQL killed (SIGKILL) 5 times during saves (<see cref="CrashRounds"/>): amcheck finds every index
/// and table sound after each restart, every acknowledged save is stored and found.
/// </summary>
[LongRunning(111)]
public sealed class PostgresCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("manuals-crash-").FullName;

    [Fact]
    public async Task Kill_DuringSaves_IntegrityHoldsAndEveryAcknowledgedSaveIsStoredAndFound()
    {
        // A database of its own in the test run's cluster (dropped with it when the run ends): the node is killed, never the server.
        var cluster = await PostgresCluster.GetSharedAsync();
        var database = await cluster.CreateDatabaseAsync();
        await new CrashRounds(output, _directory).KillDuringSavesAsync(new CrashRounds.Store(
            "Postgres",
            database,
            () => new NpgsqlConnection(database),
            async connection =>
            {
                // amcheck: every B-tree index is well formed and holds every row of its table (heapallindexed), and
                // no table's pages are corrupt.
                await connection.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS amcheck");
                const string Indexes = """
                    SELECT c.relname FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid
                    JOIN pg_am a ON a.oid = c.relam
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE a.amname = 'btree' AND n.nspname = 'public'
                    """;
                var indexes = (await connection.QueryAsync<string>(Indexes)).ToList();
                Assert.NotEmpty(indexes);
                foreach (var index in indexes)
                {
                    await connection.ExecuteAsync("SELECT bt_index_check(@index::regclass, true)", new { index });
                }

                var corrupt = await connection.QueryAsync<string>("""
                    SELECT t.relname || ': ' || v.msg FROM pg_class t
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    CROSS JOIN LATERAL verify_heapam(t.oid) v
                    WHERE n.nspname = 'public' AND t.relkind = 'r'
                    """);
                Assert.Empty(corrupt);
            }), kills: 5);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
