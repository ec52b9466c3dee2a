using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;

namespace Manuals.Web.Features.Search;

/// <summary>
/// Keeps this node's search index current: at start-up it opens the index (rebuilding a missing or outdated one, with
/// progress in the log), then applies the journal every <see cref="Interval"/>, so a save on any node is found here
/// within a second; now and then it prunes journal rows every live node has applied. <c>/readyz</c> says
/// 「Indexing」 until the first catch-up is done (<see cref="IsCaughtUp"/>), and 「Unhealthy」 when the journal has not
/// been applied for <see cref="StaleAfter"/> (<see cref="IsCurrent"/>).
/// </summary>
public sealed partial class SearchIndexingService(
    LuceneIndexer indexer, ISearchJournal journal, TimeProvider time, ILogger<SearchIndexingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the journal is pruned, and how long a node may be silent before it no longer holds rows back.</summary>
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan NodeSilence = TimeSpan.FromMinutes(10);

    /// <summary>How long without a successful sync (database away, disk full) before the index is no longer current.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long _lastSyncTicks;

    /// <summary>The index has applied the journal once since start-up (after a rebuild, when one was needed).</summary>
    public bool IsCaughtUp => _caughtUp.Task.IsCompleted;

    /// <summary>Completes when <see cref="IsCaughtUp"/> becomes true.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <summary>Caught up since start-up, and the journal applied within the last <see cref="StaleAfter"/>.</summary>
    public bool IsCurrent => IsCaughtUp && time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastSyncTicks) < StaleAfter.Ticks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await indexer.SyncAsync(stoppingToken);
                Interlocked.Exchange(ref _lastSyncTicks, time.GetUtcNow().UtcTicks);
                _caughtUp.TrySetResult();
                if (time.GetUtcNow() - lastPrune >= PruneEvery)
                {
                    lastPrune = time.GetUtcNow();
                    await journal.PruneAsync(lastPrune - NodeSilence, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop's boundary: a failed sync (database away) is logged and tried again next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSyncFailed(logger, ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index sync failed; retrying")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
