using Manuals.Core.Search;

namespace Manuals.Web.Features.Search;

/// <summary>
/// Runs the index rebuild an admin asks for in the background, one at a time, so the request returns at once and a
/// long rebuild is not tied to a browser tab. Searching and saving keep working meanwhile: the rebuild writes a new
/// index beside the one in use and puts it in place at the end.
/// </summary>
public sealed partial class SearchRebuildJob(
    ISearchIndex index, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SearchRebuildJob> logger)
{
    private readonly Lock _lock = new();
    private Task _current = Task.CompletedTask;
    private SearchRebuildState _state = SearchRebuildState.NeverRun;

    public SearchRebuildState State => Volatile.Read(ref _state);

    /// <summary>The running (or last) rebuild; tests await it.</summary>
    public Task Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Starts a rebuild unless one is running; false when one already was.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            if (!_current.IsCompleted)
            {
                return false;
            }

            Volatile.Write(ref _state, new SearchRebuildState(true, 0, 0, null, false));
            _current = Task.Run(() => RunAsync(lifetime.ApplicationStopping));
            return true;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarted(logger);
        try
        {
            var count = await index.RebuildAsync(new StateProgress(this), cancellationToken);
            Volatile.Write(ref _state, new SearchRebuildState(false, count, count, clock.GetUtcNow(), false));
            LogFinished(logger, count);
        }
        catch (Exception ex)
        {
            // The job's boundary: whatever stopped it is logged and shown on the admin page; the index in use stays as
            // it was (the half-built one is dropped) and the admin can start it again.
            var state = State;
            Volatile.Write(ref _state, state with { IsRunning = false, FinishedAt = clock.GetUtcNow(), Failed = true });
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} manuals")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class StateProgress(SearchRebuildJob job) : IProgress<SearchRebuildProgress>
    {
        public void Report(SearchRebuildProgress value) =>
            Volatile.Write(ref job._state, new SearchRebuildState(true, value.Done, value.Total, null, false));
    }
}
