using System.Data.Common;
using Dapper;
using Manuals.Core.Search;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Manuals.Data.Tests.Search;

/// <summary>Reading the journal, node progress and pruning, the migration's seed, and a real out-of-order commit.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class SearchJournalTests
{
    private const int JournalVersion = 17;
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Migration_ExistingManuals_SeedsOneUpsertEachInIdOrder(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        var before = MigrationRunner.LoadEmbedded(db.Engine).Where(m => m.Version < JournalVersion).ToList();
        await new MigrationRunner(db.Connections, NullLogger<MigrationRunner>.Instance, before).MigrateAsync(db.CancellationToken);
        var ids = new List<long>();
        foreach (var title in new[] { "月次決算", "請求書の発行", "経費精算" })
        {
            // Written as an older version would: today's store also writes the journal, which does not exist yet.
            ids.AddRange(await db.QueryAsync<long>(
                """
                INSERT INTO manuals (title, department_id, visibility, status, revision_number, body, created_at, updated_at)
                VALUES (@title, 1, 'Company', 'Published', 1, '## 目的', @at, @at)
                RETURNING id
                """,
                new { title, at = Noon }));
        }

        Assert.Equal(MigrationRunner.LoadEmbedded(db.Engine).Count - before.Count, await db.Services.GetRequiredService<MigrationRunner>().MigrateAsync(db.CancellationToken));

        var entries = await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken);
        Assert.Equal(ids, entries.Select(e => e.ManualId));
        Assert.All(entries, e => Assert.Equal(SearchJournalKind.Upsert, e.Kind));
        Assert.Equal([1L, 2, 3], entries.Select(e => e.Sequence));
        // A row after the upgrade continues the sequence.
        await AppendAsync(db, (ids[0], SearchJournalKind.Upsert));
        Assert.Equal(4, await Journal(db).LatestSequenceAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Migration_EmptyDatabase_JournalIsEmpty(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        Assert.Empty(await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken));
        Assert.Equal(0, await Journal(db).LatestSequenceAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StatusAsync_RowsAboveAndBelowApplied_CountsBothAndDatesTheOldestUnapplied(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var empty = await Journal(db).StatusAsync(0, db.CancellationToken);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await AppendAsync(db, (10, SearchJournalKind.Upsert), (11, SearchJournalKind.Upsert), (12, SearchJournalKind.Delete));

        var behind = await Journal(db).StatusAsync(1, db.CancellationToken);
        var current = await Journal(db).StatusAsync(3, db.CancellationToken);

        Assert.Equal(new SearchJournalStatus(0, 0, null), empty);
        Assert.Equal(3, behind.Rows);
        Assert.Equal(2, behind.RowsAfter);
        Assert.NotNull(behind.OldestAfter);
        Assert.InRange(behind.OldestAfter.Value, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(new SearchJournalStatus(3, 0, null), current);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ReadAfterAsync_Rows_ReturnsThoseAboveTheSequenceAscendingUpToTheLimit(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await AppendAsync(db, (10, SearchJournalKind.Upsert), (11, SearchJournalKind.Upsert), (10, SearchJournalKind.Delete), (12, SearchJournalKind.Upsert));

        var all = await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken);
        var page = await Journal(db).ReadAfterAsync(1, 2, db.CancellationToken);
        var none = await Journal(db).ReadAfterAsync(4, 100, db.CancellationToken);

        Assert.Equal(
            [
                new SearchJournalEntry(1, 10, SearchJournalKind.Upsert),
                new SearchJournalEntry(2, 11, SearchJournalKind.Upsert),
                new SearchJournalEntry(3, 10, SearchJournalKind.Delete),
                new SearchJournalEntry(4, 12, SearchJournalKind.Upsert),
            ],
            all);
        Assert.Equal([2L, 3], page.Select(e => e.Sequence));
        Assert.Empty(none);
        Assert.Equal(4, await Journal(db).LatestSequenceAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CountAsync_Range_CountsTheCommittedRowsAboveTheFirstSequenceUpToTheSecond(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await AppendAsync(db, Enumerable.Range(1, 6).Select(i => ((long)i, SearchJournalKind.Upsert)).ToArray());
        await db.QueryAsync<int>("DELETE FROM search_journal WHERE sequence IN (3, 4)");

        Assert.Equal(2, await Journal(db).CountAsync(1, 5, db.CancellationToken));
        Assert.Equal(4, await Journal(db).CountAsync(0, 6, db.CancellationToken));
        Assert.Equal(0, await Journal(db).CountAsync(2, 4, db.CancellationToken));
        Assert.Equal(0, await Journal(db).CountAsync(6, 6, db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AppendAsync_RolledBack_LeavesNoRow(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await SearchJournalWriter.AppendAsync(connection, transaction, 10, SearchJournalKind.Upsert, db.CancellationToken);
            await SearchJournalWriter.AppendAsync(connection, transaction, [12, 11, 12], SearchJournalKind.Delete, db.CancellationToken);
            await transaction.RollbackAsync(db.CancellationToken);
        }

        Assert.Empty(await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken));
        Assert.Equal(0, await Journal(db).LatestSequenceAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AppendAsync_SeveralManuals_OneRowEachInIdOrderWithTheDatabaseTime(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await SearchJournalWriter.AppendAsync(connection, transaction, [12, 11, 12], SearchJournalKind.Delete, db.CancellationToken);
            await SearchJournalWriter.AppendAsync(connection, transaction, [], SearchJournalKind.Upsert, db.CancellationToken);
            await transaction.CommitAsync(db.CancellationToken);
        }

        Assert.Equal(
            [new SearchJournalEntry(1, 11, SearchJournalKind.Delete), new SearchJournalEntry(2, 12, SearchJournalKind.Delete)],
            await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken));
        var recorded = await db.QueryAsync<DateTimeOffset>("SELECT recorded_at FROM search_journal");
        Assert.All(recorded, at => Assert.InRange(at, before, DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RecordProgressAsync_SameNodeTwice_KeepsOneRowWithTheLatestProgress(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);

        await Journal(db).RecordProgressAsync("web-1", 5, Noon, db.CancellationToken);
        await Journal(db).RecordProgressAsync("web-1", 9, Noon.AddMinutes(1), db.CancellationToken);
        await Journal(db).RecordProgressAsync("web-2", 7, Noon, db.CancellationToken);

        var nodes = await db.QueryAsync<(string, long, DateTimeOffset)>("SELECT node_id, applied_sequence, seen_at FROM search_nodes ORDER BY node_id");
        Assert.Equal([("web-1", 9L, Noon.AddMinutes(1)), ("web-2", 7L, Noon)], nodes);
        Assert.Equal(
            [new SearchNodeProgress("web-1", 9, Noon.AddMinutes(1)), new SearchNodeProgress("web-2", 7, Noon)],
            await ((SearchJournal)Journal(db)).ListNodesAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PruneAsync_OneLiveAndOneStaleNode_ForgetsTheStaleOneAndDeletesWhatTheLiveOneApplied(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await AppendAsync(db, Enumerable.Range(1, 6).Select(i => ((long)i, SearchJournalKind.Upsert)).ToArray());
        await Journal(db).RecordProgressAsync("web-live", 4, Noon, db.CancellationToken);
        await Journal(db).RecordProgressAsync("web-stale", 1, Noon.AddMinutes(-10), db.CancellationToken);

        // While both count as live, the slower one holds pruning back.
        Assert.Equal(1, await Journal(db).PruneAsync(Noon.AddMinutes(-10), db.CancellationToken));
        Assert.Equal([2L, 3, 4, 5, 6], (await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken)).Select(e => e.Sequence));

        var pruned = await Journal(db).PruneAsync(Noon.AddMinutes(-5), db.CancellationToken);

        Assert.Equal(3, pruned);
        Assert.Equal([5L, 6], (await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken)).Select(e => e.Sequence));
        Assert.Equal(["web-live"], await db.QueryAsync<string>("SELECT node_id FROM search_nodes"));
        Assert.Equal(6, await Journal(db).LatestSequenceAsync(db.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PruneAsync_NoLiveNode_DeletesNothing(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await AppendAsync(db, (1, SearchJournalKind.Upsert), (2, SearchJournalKind.Upsert));

        Assert.Equal(0, await Journal(db).PruneAsync(Noon, db.CancellationToken));
        await Journal(db).RecordProgressAsync("web-1", 2, Noon.AddMinutes(-1), db.CancellationToken);
        Assert.Equal(0, await Journal(db).PruneAsync(Noon, db.CancellationToken));

        Assert.Equal(2, (await Journal(db).ReadAfterAsync(0, 100, db.CancellationToken)).Count);
        Assert.Empty(await db.QueryAsync<string>("SELECT node_id FROM search_nodes"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PruneAsync_EverythingApplied_NewRowsContinueTheSequence(SqlEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await AppendAsync(db, (1, SearchJournalKind.Upsert), (2, SearchJournalKind.Upsert));
        await Journal(db).RecordProgressAsync("web-1", 2, Noon, db.CancellationToken);

        Assert.Equal(2, await Journal(db).PruneAsync(Noon, db.CancellationToken));
        await AppendAsync(db, (3, SearchJournalKind.Upsert));

        // A node at sequence 2 must not mistake the next row for one it already applied.
        Assert.Equal([new SearchJournalEntry(3, 3, SearchJournalKind.Upsert)], await Journal(db).ReadAfterAsync(2, 100, db.CancellationToken));
    }

    [Fact]
    public async Task ReadAfterAsync_PostgresCommitsOutOfOrder_CursorHoldsTheWatermarkBelowTheOpenRow()
    {
        await using var db = await TestDatabase.CreateAsync(SqlEngine.Postgres);
        var clock = new SettableClock(Noon);
        var cursor = new SearchJournalCursor(0, clock);

        await using var connectionA = await db.Connections.OpenAsync(db.CancellationToken);
        await using var transactionA = await connectionA.BeginTransactionAsync(db.CancellationToken);
        await SearchJournalWriter.AppendAsync(connectionA, transactionA, 101, SearchJournalKind.Upsert, db.CancellationToken);
        var n = await SequenceOfAsync(connectionA, transactionA, 101);

        await using (var connectionB = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transactionB = await connectionB.BeginTransactionAsync(db.CancellationToken))
        {
            await SearchJournalWriter.AppendAsync(connectionB, transactionB, 102, SearchJournalKind.Upsert, db.CancellationToken);
            await transactionB.CommitAsync(db.CancellationToken);
        }

        var first = await Journal(db).ReadAfterAsync(cursor.Position, 100, db.CancellationToken);
        Assert.Equal([new SearchJournalEntry(n + 1, 102, SearchJournalKind.Upsert)], first);
        Assert.Equal(first, cursor.Accept(first));
        Assert.Equal(n - 1, cursor.Watermark);
        Assert.True(cursor.Covers(n + 1));
        Assert.False(cursor.Covers(n));
        Assert.Equal(n + 1, await Journal(db).LatestSequenceAsync(db.CancellationToken));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await Journal(db).ReadAfterAsync(cursor.Position, 100, db.CancellationToken));
        Assert.Empty(cursor.Accept(await Journal(db).ReadAfterAsync(cursor.Watermark, 100, db.CancellationToken)));
        Assert.Equal(n - 1, cursor.Watermark);

        await transactionA.CommitAsync(db.CancellationToken);

        Assert.True(cursor.HasOpenGaps);
        var second = await Journal(db).ReadAfterAsync(cursor.Watermark, 100, db.CancellationToken);
        Assert.Equal([n, n + 1], second.Select(e => e.Sequence));
        Assert.Equal([new SearchJournalEntry(n, 101, SearchJournalKind.Upsert)], cursor.Accept(second));
        Assert.Equal(n + 1, cursor.Watermark);
        Assert.False(cursor.HasOpenGaps);
    }

    [Fact]
    public async Task ReadAfterAsync_PostgresTransactionRolledBack_CursorAbandonsTheHoleAfterTheTimeout()
    {
        await using var db = await TestDatabase.CreateAsync(SqlEngine.Postgres);
        var clock = new SettableClock(Noon);
        var cursor = new SearchJournalCursor(0, clock);

        await using (var connection = await db.Connections.OpenAsync(db.CancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(db.CancellationToken))
        {
            await SearchJournalWriter.AppendAsync(connection, transaction, 101, SearchJournalKind.Upsert, db.CancellationToken);
            await transaction.RollbackAsync(db.CancellationToken);
        }

        await AppendAsync(db, (102, SearchJournalKind.Upsert));

        var read = await Journal(db).ReadAfterAsync(cursor.Position, 100, db.CancellationToken);
        Assert.Equal([2L], read.Select(e => e.Sequence));
        cursor.Accept(read);
        Assert.Equal(0, cursor.Watermark);

        clock.Advance(SearchJournalCursor.DefaultGapTimeout);
        Assert.Equal(2, cursor.Watermark);
    }

    private static ISearchJournal Journal(TestDatabase db) => db.Services.GetRequiredService<ISearchJournal>();

    private static async Task AppendAsync(TestDatabase db, params (long ManualId, SearchJournalKind Kind)[] rows)
    {
        await using var connection = await db.Connections.OpenAsync(db.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(db.CancellationToken);
        foreach (var (manualId, kind) in rows)
        {
            await SearchJournalWriter.AppendAsync(connection, transaction, manualId, kind, db.CancellationToken);
        }

        await transaction.CommitAsync(db.CancellationToken);
    }

    private static Task<long> SequenceOfAsync(DbConnection connection, DbTransaction transaction, long manualId) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT sequence FROM search_journal WHERE manual_id = @manualId", new { manualId }, transaction));
}
