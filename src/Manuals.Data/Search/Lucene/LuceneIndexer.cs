using System.Globalization;
using Manuals.Core.Search;
using Microsoft.Extensions.Logging;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// Keeps this node's Lucene index current from the search journal. Each sync reads the rows committed since the last
/// one, re-reads those manuals from the database (so applying a row twice, or out of order, is harmless), writes them
/// and commits with the journal watermark in the commit's user data; a restart continues from there. An index that is
/// missing or of another schema is rebuilt from the manuals first. One sync runs at a time.
/// </summary>
public sealed partial class LuceneIndexer(
    LuceneIndex index, IndexSource source, ISearchJournal journal, LuceneIndexerOptions options, TimeProvider time, ILogger<LuceneIndexer> logger)
    : IDisposable
{
    /// <summary>Commit user data: the document schema and analyzer the index was written with.</summary>
    public const string SchemaKey = "schema";

    /// <summary>Commit user data: every journal row up to this sequence is in the index.</summary>
    public const string WatermarkKey = "journal";

    /// <summary>Journal rows, and manuals, per step.</summary>
    private const int BatchSize = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SearchJournalCursor? _cursor;
    private long _watermark = -1;

    /// <summary>Every journal row up to this sequence is searchable here; -1 until the first sync.</summary>
    public long Watermark => Interlocked.Read(ref _watermark);

    /// <summary>
    /// Applies every journal row committed before this call (rebuilding first when the index is missing or outdated) and
    /// returns how many manuals it wrote or removed.
    /// </summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cursor = _cursor ?? await OpenAsync(cancellationToken);
            var applied = 0;
            while (true)
            {
                var entries = await journal.ReadAfterAsync(cursor.Position, BatchSize, cancellationToken);
                applied += await ApplyAsync(cursor.Accept(entries), cancellationToken);
                if (entries.Count < BatchSize)
                {
                    break;
                }
            }

            if (cursor.HasOpenGaps)
            {
                // Rows that filled a gap lie just above the watermark; rows accepted before are not returned again.
                var filled = await journal.ReadAfterAsync(cursor.Watermark, BatchSize * 4, cancellationToken);
                applied += await ApplyAsync(cursor.Accept(filled), cancellationToken);
            }

            if (applied > 0 || cursor.Watermark != Watermark)
            {
                index.Commit(CommitData(cursor.Watermark));
            }

            Interlocked.Exchange(ref _watermark, cursor.Watermark);
            await journal.RecordProgressAsync(options.NodeId, cursor.Watermark, time.GetUtcNow(), cancellationToken);
            return applied;
        }
        catch
        {
            // The index may hold part of a batch; the next sync starts again from the last commit's watermark.
            _cursor = null;
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
    /// </summary>
    public async Task CatchUpForReadAsync(CancellationToken cancellationToken)
    {
        if (Watermark >= 0 && await journal.LatestSequenceAsync(cancellationToken) <= Watermark)
        {
            return;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.ReadWait);
        try
        {
            await SyncAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Busy (a rebuild, a large catch-up): search what the index holds now rather than keep the reader waiting.
            LogReadWaitExceeded(logger, options.ReadWait.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Re-indexes every manual: the new documents become visible together at the end (searches see the old index until
    /// then), and journal rows written meanwhile are applied by the next sync.
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _cursor = null;
            var count = await RebuildCoreAsync(progress, cancellationToken);
            _cursor = new SearchJournalCursor(Watermark, time);
            return count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The cursor from the last commit's watermark, after a rebuild when the index is missing or outdated.</summary>
    private async Task<SearchJournalCursor> OpenAsync(CancellationToken cancellationToken)
    {
        var data = index.CommitData;
        if (data.TryGetValue(SchemaKey, out var schema) && schema == LuceneSearchIndex.SchemaVersion
            && data.TryGetValue(WatermarkKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark))
        {
            Interlocked.Exchange(ref _watermark, watermark);
        }
        else
        {
            LogRebuilding(logger, index.Path, schema ?? "(none)", LuceneSearchIndex.SchemaVersion);
            await RebuildCoreAsync(new Progress<SearchRebuildProgress>(p => LogRebuildProgress(logger, p.Done, p.Total)), cancellationToken);
        }

        return _cursor = new SearchJournalCursor(Watermark, time);
    }

    private async Task<int> RebuildCoreAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        // Rows up to here are reflected in the manuals read below. Later ones, and any lower one still to commit, are
        // applied by the next syncs: they start below the latest row by longer than a transaction lasts.
        var watermark = await journal.SettledSequenceAsync(SearchJournalCursor.DefaultGapTimeout, cancellationToken);
        var total = await source.CountAsync(cancellationToken);
        index.Clear();
        var done = 0;
        long after = 0;
        while (true)
        {
            var batch = await source.AfterAsync(after, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            index.Apply(batch, []);
            done += batch.Count;
            after = batch[^1].Id;
            progress?.Report(new SearchRebuildProgress(done, Math.Max(total, done)));
        }

        index.Commit(CommitData(watermark));
        Interlocked.Exchange(ref _watermark, watermark);
        return done;
    }

    private async Task<int> ApplyAsync(IReadOnlyList<SearchJournalEntry> entries, CancellationToken cancellationToken)
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
        index.Apply(current, ids.Where(id => !existing.Contains(id)));
        return ids.Count;
    }

    private static Dictionary<string, string> CommitData(long watermark) => new()
    {
        [SchemaKey] = LuceneSearchIndex.SchemaVersion,
        [WatermarkKey] = watermark.ToString(CultureInfo.InvariantCulture),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index at {Path} has schema {Found}, needs {Expected}: rebuilding from the manuals")]
    private static partial void LogRebuilding(ILogger logger, string path, string found, string expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild: {Done} of {Total} manuals")]
    private static partial void LogRebuildProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search waited {Milliseconds} ms for the index to catch up and went on without it")]
    private static partial void LogReadWaitExceeded(ILogger logger, double milliseconds);
}
