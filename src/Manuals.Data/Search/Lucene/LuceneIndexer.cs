using System.Globalization;
using Manuals.Core.Search;
using Microsoft.Extensions.Logging;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Keeps this node's Lucene index current from the search journal. Each sync reads the rows committed since the last
/// one, re-reads those manuals from the database (so applying a row twice, or out of order, is harmless), writes them
/// and commits with the journal watermark in the commit's user data; a restart continues from there. An index that is
/// missing or of another schema is rebuilt from the manuals before it serves. One sync runs at a time; a rebuild fills
/// a new generation beside the index in use while syncs go on, and takes the sync's turn only to swap it in.
/// </summary>
public sealed partial class LuceneIndexer(
    LuceneIndex index, IndexSource source, ISearchJournal journal, LuceneIndexerOptions options, TimeProvider time, ILogger<LuceneIndexer> logger)
    : IDisposable
{
    /// <summary>Commit user data: the document schema and analyzer the index was written with.</summary>
    public const string SchemaKey = "schema";

    /// <summary>Commit user data: every journal row up to this sequence is in the index.</summary>
    public const string WatermarkKey = "journal";

    /// <summary>Commit user data: the database's search index generation the index was built from (<see cref="ISearchJournal.GenerationAsync"/>).</summary>
    public const string GenerationKey = "generation";

    /// <summary>Journal rows, and manuals, per step.</summary>
    private const int BatchSize = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private SearchJournalCursor? _cursor;
    private long _watermark = -1;
    private string _generation = "";
    private SyncedRange? _synced;

    /// <summary>The watermark of the index's last commit, and whether changes beyond that commit are searchable only.</summary>
    private long _committed = -1;
    private bool _uncommitted;

    /// <summary>Every journal row up to this sequence is searchable here; -1 until the first sync.</summary>
    public long Watermark => Interlocked.Read(ref _watermark);

    /// <summary>
    /// Applies every journal row committed before this call (rebuilding first when the index is missing or outdated),
    /// commits the index with the watermark and reports it as this node's progress; returns how many manuals it wrote
    /// or removed.
    /// </summary>
    /// <remarks>
    /// When the database's search index generation is no longer the one the index was built from (the database was
    /// restored or moved, or every node was asked to rebuild), the journal positions the index holds mean nothing: it
    /// rebuilds instead, as <see cref="RebuildAsync"/> does, beside the index in use, and swaps the new one in (unless a
    /// rebuild is running already; a rebuild that read the older generation is followed by another).
    /// </remarks>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cursor) is not null
            && await journal.GenerationAsync(cancellationToken) is var generation && Volatile.Read(ref _generation) is var builtFrom && generation != builtFrom
            && await _rebuilding.WaitAsync(0, cancellationToken))
        {
            try
            {
                LogGenerationChanged(logger, index.Path, builtFrom, generation);
                return await BuildAndSwapAsync(new Progress<SearchRebuildProgress>(p => LogRebuildProgress(logger, p.Done, p.Total)), cancellationToken);
            }
            finally
            {
                _rebuilding.Release();
            }
        }

        return await SyncAsync(durable: true, cancellationToken);
    }

    /// <summary>
    /// Applies the journal rows beyond the cursor and makes them searchable at once. A durable sync then commits them
    /// (fsync) and reports the watermark, which journal pruning trusts; a search's own sync leaves that to the next
    /// durable one (the background sync, a quarter of a second later), so a reader never waits for the disk.
    /// </summary>
    private async Task<int> SyncAsync(bool durable, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cursor = _cursor ?? await OpenAsync(cancellationToken);
            var applied = await CatchUpAsync(cursor, index.Apply, cancellationToken);
            // Read once: a gap may be abandoned while this runs, and the commit, the range and the report must agree.
            var watermark = cursor.Watermark;
            _uncommitted |= applied > 0;
            if (applied > 0)
            {
                index.Refresh();
            }

            Publish(cursor, watermark);
            if (durable)
            {
                if (_uncommitted || watermark != _committed)
                {
                    index.Commit(CommitData(watermark, _generation));
                    (_committed, _uncommitted) = (watermark, false);
                }

                await journal.RecordProgressAsync(options.NodeId, watermark, time.GetUtcNow(), cancellationToken);
            }

            return applied;
        }
        catch
        {
            // The index may hold part of a batch; the next sync starts again from the last commit's watermark.
            _cursor = null;
            Volatile.Write(ref _synced, null);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Read-your-writes: when the journal holds rows this node has not applied, applies them before the caller searches,
    /// waiting at most <see cref="LuceneIndexerOptions.ReadWait"/>. A save committed before this call is then found.
    /// When nothing can have become visible since the last sync (<see cref="IsCurrentAsync"/>) it costs one or two
    /// small queries and no sync, also while a gap holds <see cref="Watermark"/> back.
    /// </summary>
    public async Task CatchUpForReadAsync(CancellationToken cancellationToken)
    {
        if (await IsCurrentAsync(cancellationToken))
        {
            return;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.ReadWait);
        try
        {
            await SyncAsync(durable: false, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Busy (a large catch-up): search what the index holds now rather than keep the reader waiting.
            LogReadWaitExceeded(logger, options.ReadWait.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Re-indexes every manual into a new generation beside the one in use, while searches and syncs go on with that
    /// one; then applies the journal rows written meanwhile to the new generation and swaps it in. One at a time: a
    /// second call while one runs throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await _rebuilding.WaitAsync(0, cancellationToken))
        {
            throw new InvalidOperationException("A search index rebuild is already running on this node.");
        }

        try
        {
            return await BuildAndSwapAsync(progress, cancellationToken);
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    /// <summary>Builds a new generation while syncs go on, then takes the sync's turn to swap it in. The caller holds <see cref="_rebuilding"/>.</summary>
    private async Task<int> BuildAndSwapAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var (generation, count) = await BuildAsync(progress, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SwapInAsync(generation, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return count;
    }

    public void Dispose()
    {
        _gate.Dispose();
        _rebuilding.Dispose();
    }

    /// <summary>
    /// Whether no journal row can have become visible since the last sync: none above the position it reached, and
    /// none in one of the gaps it left open (the journal still holds, between its watermark and its position, just the
    /// rows it accepted). Comparing the latest sequence with <see cref="Watermark"/> alone would sync on every search
    /// for as long as a gap stays open (up to <see cref="SearchJournalCursor.GapTimeout"/> after a rolled-back save);
    /// comparing it with the position alone would miss a slow save that commits late into a gap, and its author's next
    /// search must find it. Both are range reads of the journal's key, cheap on either engine.
    /// </summary>
    private async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        var synced = Volatile.Read(ref _synced);
        if (synced is null || await journal.LatestSequenceAsync(cancellationToken) > synced.Position)
        {
            return false;
        }

        return synced.Watermark == synced.Position
            || await journal.CountAsync(synced.Watermark, synced.Position, cancellationToken) == synced.Rows;
    }

    /// <summary>Makes what <paramref name="cursor"/> has applied, up to <paramref name="watermark"/>, what searches rely on.</summary>
    private void Publish(SearchJournalCursor cursor, long watermark)
    {
        Interlocked.Exchange(ref _watermark, watermark);
        Volatile.Write(ref _synced, new SyncedRange(watermark, cursor.Position, cursor.CountAccepted(watermark)));
    }

    /// <summary>The cursor from the last commit's watermark, after a rebuild when the index is missing or outdated.</summary>
    private async Task<SearchJournalCursor> OpenAsync(CancellationToken cancellationToken)
    {
        var data = index.CommitData;
        var generation = await journal.GenerationAsync(cancellationToken);
        if (data.TryGetValue(SchemaKey, out var schema) && schema == LuceneSearchIndex.SchemaVersion
            && data.TryGetValue(GenerationKey, out var builtFrom) && builtFrom == generation
            && data.TryGetValue(WatermarkKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark))
        {
            Interlocked.Exchange(ref _watermark, watermark);
            (_committed, _uncommitted) = (watermark, false);
            Volatile.Write(ref _generation, generation);
            return _cursor = new SearchJournalCursor(watermark, time);
        }

        // Nothing to search yet that is worth keeping: build, then serve (the caller holds the gate throughout).
        var found = data.TryGetValue(GenerationKey, out var foundGeneration) ? foundGeneration : "(none)";
        LogRebuilding(logger, index.Path, schema ?? "(none)", LuceneSearchIndex.SchemaVersion, found, generation);
        var (built, _) = await BuildAsync(new Progress<SearchRebuildProgress>(p => LogRebuildProgress(logger, p.Done, p.Total)), cancellationToken);
        return await SwapInAsync(built, cancellationToken);
    }

    /// <summary>
    /// Writes every manual into a new generation, recording the database's search index generation (read first, so a
    /// newer one written meanwhile makes the next sync rebuild again). The watermark it starts from is read first: rows up to it are
    /// reflected in the manuals read afterwards; later ones, and any lower one still to commit, are applied by
    /// <see cref="SwapInAsync"/> (it starts below the latest row by longer than a transaction lasts).
    /// </summary>
    private async Task<(BuiltGeneration Generation, int Count)> BuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var databaseGeneration = await journal.GenerationAsync(cancellationToken);
        var watermark = await journal.SettledSequenceAsync(SearchJournalCursor.DefaultGapTimeout, cancellationToken);
        var total = await source.CountAsync(cancellationToken);
        var generation = index.CreateGeneration();
        try
        {
            progress?.Report(new SearchRebuildProgress(0, total));
            var done = 0;
            var written = new Dictionary<long, Int128>();
            // The next batch is read from the database while this one is analysed.
            var next = source.AfterAsync(0, BatchSize, cancellationToken);
            while (true)
            {
                var batch = await next;
                if (batch.Count == 0)
                {
                    break;
                }

                next = source.AfterAsync(batch[^1].Id, BatchSize, cancellationToken);
                generation.Add(batch);
                foreach (var manual in batch)
                {
                    written[manual.Id] = Fingerprint(manual);
                }
                done += batch.Count;
                progress?.Report(new SearchRebuildProgress(done, Math.Max(total, done)));
            }

            return (new BuiltGeneration(generation, watermark, databaseGeneration, written), done);
        }
        catch
        {
            generation.Discard();
            throw;
        }
    }

    /// <summary>
    /// Brings a built generation up to the journal, commits it and makes it the one in use, with its cursor. The
    /// caller holds the gate, so no sync writes to the old generation meanwhile.
    /// </summary>
    private async Task<SearchJournalCursor> SwapInAsync(BuiltGeneration built, CancellationToken cancellationToken)
    {
        try
        {
            var cursor = new SearchJournalCursor(built.Watermark, time);
            // The journal rows written meanwhile name manuals the build may already have written as they are now: those
            // are left alone, so the new index holds no replaced copies (which BM25's statistics would count until a
            // merge, ranking a fresh index differently from a clean one).
            await CatchUpAsync(
                cursor,
                (upserts, deletes) => built.Generation.Apply(
                    upserts.Where(m => !(built.Written.TryGetValue(m.Id, out var fingerprint) && fingerprint == Fingerprint(m))), deletes),
                cancellationToken);
            var watermark = cursor.Watermark;
            built.Generation.Commit(CommitData(watermark, built.DatabaseGeneration));
            index.SwapIn(built.Generation);
            (_committed, _uncommitted) = (watermark, false);
            Volatile.Write(ref _generation, built.DatabaseGeneration);
            Publish(cursor, watermark);
            return _cursor = cursor;
        }
        catch
        {
            built.Generation.Discard();
            throw;
        }
    }

    /// <summary>Applies the journal rows beyond <paramref name="cursor"/> with <paramref name="apply"/>; returns how many manuals.</summary>
    private async Task<int> CatchUpAsync(SearchJournalCursor cursor, ApplyChanges apply, CancellationToken cancellationToken)
    {
        var applied = 0;
        while (true)
        {
            var entries = await journal.ReadAfterAsync(cursor.Position, BatchSize, cancellationToken);
            applied += await ApplyAsync(cursor.Accept(entries), apply, cancellationToken);
            if (entries.Count < BatchSize)
            {
                break;
            }
        }

        if (cursor.HasOpenGaps)
        {
            // Rows that filled a gap lie just above the watermark; rows accepted before are not returned again.
            var filled = await journal.ReadAfterAsync(cursor.Watermark, BatchSize * 4, cancellationToken);
            applied += await ApplyAsync(cursor.Accept(filled), apply, cancellationToken);
        }

        return applied;
    }

    private async Task<int> ApplyAsync(IReadOnlyList<SearchJournalEntry> entries, ApplyChanges apply, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var ids = entries.Select(e => e.ManualId).Distinct().ToList();
        var current = new List<IndexedManual>();
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            current.AddRange(await source.ByIdsAsync(chunk, cancellationToken));
        }

        // Whatever the row says, the database decides: a manual that is gone is removed, one that exists is written.
        var existing = current.Select(m => m.Id).ToHashSet();
        apply(current, ids.Where(id => !existing.Contains(id)));
        return ids.Count;
    }

    private static Dictionary<string, string> CommitData(long watermark, string generation) => new()
    {
        [SchemaKey] = LuceneSearchIndex.SchemaVersion,
        [GenerationKey] = generation,
        [WatermarkKey] = watermark.ToString(CultureInfo.InvariantCulture),
    };

    private delegate void ApplyChanges(IEnumerable<IndexedManual> upserts, IEnumerable<long> deletes);

    /// <summary>
    /// What the last sync left behind: every row up to <paramref name="Watermark"/> applied, rows read up to
    /// <paramref name="Position"/>, and how many rows the journal held between the two (the ones it accepted; the
    /// others are open gaps).
    /// </summary>
    private sealed record SyncedRange(long Watermark, long Position, long Rows);

    /// <summary>
    /// A generation holding every manual as of <paramref name="Watermark"/>'s journal row, not yet in use, built from
    /// the database's <paramref name="DatabaseGeneration"/>, with the <see cref="Fingerprint"/> of each manual it wrote.
    /// </summary>
    private sealed record BuiltGeneration(LuceneGeneration Generation, long Watermark, string DatabaseGeneration, IReadOnlyDictionary<long, Int128> Written);

    /// <summary>A digest of everything the index takes from a manual: equal digests, equal documents.</summary>
    private static Int128 Fingerprint(IndexedManual manual)
    {
        var text = string.Join(
            '\u001f',
            manual.Revision,
            manual.Title,
            manual.DepartmentId,
            manual.Visibility,
            manual.Status,
            manual.Template,
            manual.OwnerId,
            manual.UpdatedAt.UtcTicks,
            string.Join('\u001e', manual.Tags),
            string.Join('\u001e', manual.Tasks),
            manual.Markdown);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Int128(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {Path} has schema {Found}, needs {Expected}, was built from generation {FoundGeneration}, the database's is {Generation}: rebuilding from the manuals")]
    private static partial void LogRebuilding(ILogger logger, string path, string found, string expected, string foundGeneration, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {Path} was built from generation {Found}; the database now has {Generation} (restored, moved or a rebuild was asked for): rebuilding")]
    private static partial void LogGenerationChanged(ILogger logger, string path, string found, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild: {Done} of {Total} manuals")]
    private static partial void LogRebuildProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search waited {Milliseconds} ms for the index to catch up and went on without it")]
    private static partial void LogReadWaitExceeded(ILogger logger, double milliseconds);
}
