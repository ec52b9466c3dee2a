using System.Collections.Concurrent;
using Manuals.Core.Reading;
using Manuals.Data.Reading;

namespace Manuals.Web.Features.Reading;

/// <summary>
/// 最近見たマニュアル without a database write on every manual page: openings are queued on this node and written
/// together, in one transaction, a moment later (<see cref="FlushDelay"/>), so a busy node writes a few times a second
/// instead of once per page (SQLite has one writer at a time). Reading the list writes what is queued first, so a
/// reader's home page on this node always has what they just opened; another node's has it within the delay. What is
/// queued when the app stops is written as it stops; a crash loses at most that moment's openings (never anything else).
/// </summary>
public sealed partial class BufferedRecentViews(RecentViewStore store, ILogger<BufferedRecentViews> logger) : IRecentViewStore, IAsyncDisposable
{
    /// <summary>How long an opening waits for others to be written with it.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentQueue<ManualView> _queued = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private int _flushScheduled;

    public Task RecordAsync(IReadOnlyCollection<ManualView> views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        foreach (var view in views)
        {
            _queued.Enqueue(view);
        }

        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0)
        {
            _ = FlushLaterAsync();
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<long>> ListAsync(long userId, int limit, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await store.ListAsync(userId, limit, cancellationToken);
    }

    /// <summary>Writes every queued opening now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<ManualView>();
            while (_queued.TryDequeue(out var view))
            {
                batch.Add(view);
            }

            if (batch.Count > 0)
            {
                // In key order, so two nodes writing at once take their row locks in the same order (no deadlock).
                await store.RecordAsync(batch.OrderBy(v => v.UserId).ThenBy(v => v.ManualId).ToList(), CancellationToken.None);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotWrittenAtStop(logger, e);
        }

        _writing.Dispose();
    }

    private async Task FlushLaterAsync()
    {
        try
        {
            await Task.Delay(FlushDelay);
            Volatile.Write(ref _flushScheduled, 0);
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The openings of this batch are lost (they only order the home page's list); the next opening tries again.
            LogNotWritten(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write recently opened manuals")]
    private static partial void LogNotWritten(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the last recently opened manuals as the app stopped")]
    private static partial void LogNotWrittenAtStop(ILogger logger, Exception exception);
}
