using System.Diagnostics;
using Manuals.Core.Accounts;
using Manuals.Core.Search;

namespace Manuals.Benchmarks;

/// <summary>
/// The real search index, timing its search methods: what a search spends in the index (catch-up
/// check, Lucene queries, count, sort, page rows from the database, 「もしかして」) apart from parsing and snippets.
/// </summary>
internal sealed class TimedSearchIndex(ISearchIndex inner) : ISearchIndex
{
    /// <summary>Milliseconds spent in the index since the last <see cref="TakeMs"/>.</summary>
    private double _ms;

    public double TakeMs()
    {
        var ms = _ms;
        _ms = 0;
        return ms;
    }

    public async Task WaitForSavesAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.WaitForSavesAsync(cancellationToken);
        }
        finally
        {
            _ms += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    public async Task<SearchIndexPage> SearchAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int offset, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.SearchAsync(query, filters, sort, offset, limit, viewer, cancellationToken);
        }
        finally
        {
            _ms += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    public async Task<string?> CorrectAsync(string word, Viewer viewer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.CorrectAsync(word, viewer, cancellationToken);
        }
        finally
        {
            _ms += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, Viewer viewer, int limit, CancellationToken cancellationToken) =>
        inner.SuggestAsync(query, viewer, limit, cancellationToken);

    public Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken) => inner.FacetsAsync(viewer, cancellationToken);

    public Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken) =>
        inner.RebuildAsync(progress, cancellationToken);

    public Task<int> CatchUpAsync(CancellationToken cancellationToken) => inner.CatchUpAsync(cancellationToken);

    public Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken) => inner.StatusAsync(cancellationToken);
}
