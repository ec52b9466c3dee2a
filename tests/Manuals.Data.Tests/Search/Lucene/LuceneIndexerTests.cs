using System.Data.Common;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search.Lucene;

/// <summary>
/// Read-your-writes while the journal has a gap: a search syncs only when a row can have become visible since the
/// last sync (above the position it reached, or into a gap it left open), so a rolled-back save does not make every
/// search sync for a minute, and a save that commits late into the gap is still in its author's next search.
/// </summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class LuceneIndexerTests
{
    private const long Accounting = 1;
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Viewer Admin = new(9000, new HashSet<string> { Roles.Admin }, new HashSet<long>());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CatchUpForReadAsync_GapOpen_SearchesSkipTheSyncUntilItsRowCommitsThenTheNextSearchFindsIt(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var late = await CreateAsync(db, "月次決算の手順");
        var other = await CreateAsync(db, "請求書の発行");
        await Indexer(db).SyncAsync(db.CancellationToken);

        await using var gap = await LateSave.BeginAsync(db, late, "年末調整の手順");
        await RenameAsync(db, other, "経費精算の手順");
        Assert.Equal(["経費精算の手順"], await TitlesAsync(db, "経費精算"));
        Assert.Equal(gap.Sequence - 1, Indexer(db).Watermark);
        var reads = Journal(db).Reads;

        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(await TitlesAsync(db, "年末調整"));
            Assert.Equal(["経費精算の手順"], await TitlesAsync(db, "経費精算"));
        }

        Assert.Equal(reads, Journal(db).Reads);
        Assert.Equal(gap.Sequence - 1, Indexer(db).Watermark);

        await gap.CommitAsync();

        Assert.Equal(["年末調整の手順"], await TitlesAsync(db, "年末調整"));
        Assert.True(Journal(db).Reads > reads);
        Assert.Equal(gap.Sequence + 1, Indexer(db).Watermark);
        reads = Journal(db).Reads;
        Assert.Equal(["年末調整の手順"], await TitlesAsync(db, "年末調整"));
        Assert.Equal(reads, Journal(db).Reads);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CatchUpForReadAsync_GapOpen_ASaveAboveThePositionIsFoundByTheNextSearch(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        var late = await CreateAsync(db, "月次決算の手順");
        var other = await CreateAsync(db, "請求書の発行");
        await Indexer(db).SyncAsync(db.CancellationToken);
        await using var gap = await LateSave.BeginAsync(db, late, "年末調整の手順");
        await RenameAsync(db, other, "経費精算の手順");
        await Indexer(db).CatchUpForReadAsync(db.CancellationToken);
        var reads = Journal(db).Reads;

        var created = await CreateAsync(db, "サーバ障害の対応");

        Assert.Equal(["サーバ障害の対応"], await TitlesAsync(db, "サーバ障害"));
        Assert.True(Journal(db).Reads > reads);
        Assert.Equal(gap.Sequence - 1, Indexer(db).Watermark);
        reads = Journal(db).Reads;
        await RenameAsync(db, created, "サーバ障害の復旧");
        await Indexer(db).CatchUpForReadAsync(db.CancellationToken);
        Assert.Equal(["サーバ障害の復旧"], await TitlesAsync(db, "復旧"));
        Assert.True(Journal(db).Reads > reads);
        reads = Journal(db).Reads;
        await Indexer(db).CatchUpForReadAsync(db.CancellationToken);
        Assert.Equal(reads, Journal(db).Reads);
        Assert.Empty(await TitlesAsync(db, "年末調整"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SearchAsync_PartialMatchAndDidYouMean_ChecksTheJournalOnceForTheWholeSearch(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        await CreateAsync(db, "年末調整の手順");
        await CreateAsync(db, "社会保険の手続き");
        await Indexer(db).SyncAsync(db.CancellationToken);
        var search = new SearchService(
            db.Services.GetRequiredService<ISearchIndex>(),
            db.Services.GetRequiredService<ISynonymStore>(),
            new MarkdownRenderer(),
            db.Services.GetRequiredService<IBusinessTaskStore>());
        var checks = Journal(db).Checks;

        // No manual holds both words, so the partial match runs too; 年末調製 finds nothing, so 「もしかして」 runs.
        var partial = await search.SearchAsync(Admin, new SearchRequest("年末調整 社会保険", SearchFilters.None, SearchSort.Relevance, 1), db.CancellationToken);
        var corrected = await search.SearchAsync(Admin, new SearchRequest("年末調製", SearchFilters.None, SearchSort.Relevance, 1), db.CancellationToken);

        Assert.True(partial.IsPartial);
        Assert.Equal("年末調整", corrected.Correction);
        Assert.Equal(checks + 2, Journal(db).Checks);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CatchUpForReadAsync_NewSave_SearchableAtOnceAndCommittedByTheNextDurableSync(SqlEngine engine)
    {
        await using var db = await CreateDatabaseAsync(engine);
        await CreateAsync(db, "月次決算の手順");
        await Indexer(db).SyncAsync(db.CancellationToken);
        var committed = CommittedWatermark(db);
        Assert.Equal(Indexer(db).Watermark, committed);

        await CreateAsync(db, "年末調整の手順");

        // The reader's search finds it without waiting for the disk: the index has it, its last commit does not.
        Assert.Equal(["年末調整の手順"], await TitlesAsync(db, "年末調整"));
        Assert.Equal(committed, CommittedWatermark(db));
        Assert.True(Indexer(db).Watermark > committed);

        Assert.Equal(0, await Indexer(db).SyncAsync(db.CancellationToken));
        Assert.Equal(Indexer(db).Watermark, CommittedWatermark(db));
    }

    private static long CommittedWatermark(TestDatabase db) =>
        long.Parse(db.Services.GetRequiredService<LuceneIndex>().CommitData[LuceneIndexer.WatermarkKey], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The application's registrations, with the journal counted: each sync reads it at least once.</summary>
    private static Task<TestDatabase> CreateDatabaseAsync(SqlEngine engine) => TestDatabase.CreateAsync(engine, configureServices: services => services
        .AddSingleton(sp => new CountingJournal(new SearchJournal(sp.GetRequiredService<IDbConnectionFactory>())))
        .AddSingleton<ISearchJournal>(sp => sp.GetRequiredService<CountingJournal>()));

    private static LuceneIndexer Indexer(TestDatabase db) => db.Services.GetRequiredService<LuceneIndexer>();

    private static CountingJournal Journal(TestDatabase db) => db.Services.GetRequiredService<CountingJournal>();

    private static async Task<List<string>> TitlesAsync(TestDatabase db, string text)
    {
        var index = db.Services.GetRequiredService<ISearchIndex>();
        await index.WaitForSavesAsync(db.CancellationToken);
        var page = await index.SearchAsync(
            SearchQueryParser.Parse(text, []), SearchFilters.None, SearchSort.Relevance, 0, 100, Admin, db.CancellationToken);
        return page.Rows.Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
    }

    private static Task<long> CreateAsync(TestDatabase db, string title) =>
        db.Services.GetRequiredService<IManualStore>().CreateAsync(Draft(title), new Author(null, "テスト"), null, Monday, db.CancellationToken);

    private static async Task RenameAsync(TestDatabase db, long id, string title)
    {
        var store = db.Services.GetRequiredService<IManualStore>();
        var manual = (await store.FindAsync(id, db.CancellationToken))!;
        Assert.True(await store.TryUpdateAsync(id, manual.RevisionNumber, Draft(title), new Author(null, "テスト"), Monday, db.CancellationToken));
    }

    private static ManualDraft Draft(string title) =>
        new(title, Accounting, ManualVisibility.Company, ManualStatus.Published, null, [], "本文です。", "保存");

    /// <summary>
    /// A save that has taken its journal sequence but commits after a later save, leaving a gap until it does. On
    /// PostgreSQL it is a real transaction held open. SQLite has one writer, so no transaction can stay open beside
    /// another save: the sequence is taken from <c>sqlite_sequence</c> (as PostgreSQL's identity takes it at INSERT)
    /// and the row written with it when the save "commits".
    /// </summary>
    private sealed class LateSave : IAsyncDisposable
    {
        private readonly TestDatabase _db;
        private readonly DbConnection _connection;
        private readonly DbTransaction? _transaction;
        private readonly long _manualId;

        private LateSave(TestDatabase db, DbConnection connection, DbTransaction? transaction, long manualId, long sequence)
        {
            _db = db;
            _connection = connection;
            _transaction = transaction;
            _manualId = manualId;
            Sequence = sequence;
        }

        /// <summary>The journal sequence of the late row.</summary>
        public long Sequence { get; }

        /// <summary>Renames the manual and takes the sequence of its journal row, invisible to readers until <see cref="CommitAsync"/>.</summary>
        public static async Task<LateSave> BeginAsync(TestDatabase db, long manualId, string title)
        {
            var token = db.CancellationToken;
            var connection = await db.Connections.OpenAsync(token);
            try
            {
                if (db.Engine == SqlEngine.Postgres)
                {
                    var transaction = await connection.BeginTransactionAsync(token);
                    await RetitleAsync(connection, transaction, manualId, title, token);
                    await SearchJournalWriter.AppendAsync(connection, transaction, manualId, SearchJournalKind.Upsert, token);
                    var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT MAX(sequence) FROM search_journal", transaction: transaction, cancellationToken: token));
                    return new LateSave(db, connection, transaction, manualId, sequence);
                }

                await RetitleAsync(connection, null, manualId, title, token);
                var taken = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'search_journal' RETURNING seq", cancellationToken: token));
                return new LateSave(db, connection, null, manualId, taken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        /// <summary>Makes the row visible: it fills the gap below the later save.</summary>
        public async Task CommitAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.CommitAsync(_db.CancellationToken);
                return;
            }

            await _connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO search_journal (sequence, manual_id, kind) VALUES (@sequence, @manualId, 'upsert')",
                new { sequence = Sequence, manualId = _manualId },
                cancellationToken: _db.CancellationToken));
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await _connection.DisposeAsync();
        }

        private static Task<int> RetitleAsync(DbConnection connection, DbTransaction? transaction, long manualId, string title, CancellationToken token) =>
            connection.ExecuteAsync(new CommandDefinition(
                "UPDATE manuals SET title = @title WHERE id = @manualId", new { title, manualId }, transaction, cancellationToken: token));
    }

    /// <summary>The journal, counting the reads of its rows (every sync makes at least one).</summary>
    private sealed class CountingJournal(ISearchJournal inner) : ISearchJournal
    {
        private int _reads;
        private int _checks;

        public int Reads => Volatile.Read(ref _reads);

        /// <summary>How often a search asked for the latest sequence (whether anything is left to apply).</summary>
        public int Checks => Volatile.Read(ref _checks);

        public Task<IReadOnlyList<SearchJournalEntry>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.ReadAfterAsync(afterSequence, limit, cancellationToken);
        }

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _checks);
            return inner.LatestSequenceAsync(cancellationToken);
        }

        public Task<long> CountAsync(long afterSequence, long upToSequence, CancellationToken cancellationToken) =>
            inner.CountAsync(afterSequence, upToSequence, cancellationToken);

        public Task<long> SettledSequenceAsync(TimeSpan age, CancellationToken cancellationToken) => inner.SettledSequenceAsync(age, cancellationToken);

        public Task<SearchJournalStatus> StatusAsync(long appliedSequence, CancellationToken cancellationToken) =>
            inner.StatusAsync(appliedSequence, cancellationToken);

        public Task<string> GenerationAsync(CancellationToken cancellationToken) => inner.GenerationAsync(cancellationToken);

        public Task RecordProgressAsync(string nodeId, long appliedSequence, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.RecordProgressAsync(nodeId, appliedSequence, now, cancellationToken);

        public Task<int> PruneAsync(DateTimeOffset liveSince, CancellationToken cancellationToken) => inner.PruneAsync(liveSince, cancellationToken);
    }
}
