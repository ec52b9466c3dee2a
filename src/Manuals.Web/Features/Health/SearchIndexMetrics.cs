using System.Diagnostics.Metrics;
using Manuals.Core.Search;
using Manuals.Data.Search.Lucene;

namespace Manuals.Web.Features.Health;

/// <summary>
/// The app's own meter, <see cref="MeterName"/>: how far this node's search index is behind the journal (rows and
/// seconds) and how many rows the journal holds. The gauges report a snapshot this service refreshes with one small
/// query every <see cref="RefreshEvery"/>, and only while something listens to them (the Prometheus endpoint is on);
/// a scrape never queries the database.
/// </summary>
public sealed partial class SearchIndexMetrics : BackgroundService
{
    public const string MeterName = "Manuals";

    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly LuceneIndexer _indexer;
    private readonly ISearchJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger<SearchIndexMetrics> _logger;
    private readonly Instrument[] _instruments;
    private SearchJournalStatus? _status;

    public SearchIndexMetrics(IMeterFactory meters, LuceneIndexer indexer, ISearchJournal journal, TimeProvider time, ILogger<SearchIndexMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _indexer = indexer;
        _journal = journal;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _instruments =
        [
            meter.CreateObservableGauge("manuals.search.index.lag", () => Observe(s => s.RowsAfter), "{row}",
                "Search journal rows above this node's applied position (not yet in its index)"),
            meter.CreateObservableGauge("manuals.search.index.lag.duration", () => Observe(SecondsBehind), "s",
                "Age of the oldest search journal row this node has not applied; 0 when none"),
            meter.CreateObservableGauge("manuals.search.journal.size", () => Observe(s => s.Rows), "{row}",
                "Rows in search_journal (rows every live node has applied are pruned)"),
        ];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery, _time);
        do
        {
            if (!_instruments.Any(i => i.Enabled))
            {
                continue;
            }

            try
            {
                Volatile.Write(ref _status, await _journal.StatusAsync(_indexer.Watermark, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A metric that cannot be read (database away) keeps its last value; /readyz reports the cause.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRefreshFailed(_logger, ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<SearchJournalStatus, T> value)
        where T : struct =>
        Volatile.Read(ref _status) is { } status ? [new Measurement<T>(value(status))] : [];

    private double SecondsBehind(SearchJournalStatus status) =>
        status.OldestAfter is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index metrics could not be read; keeping the last values")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
