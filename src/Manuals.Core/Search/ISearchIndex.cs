using Manuals.Core.Accounts;

namespace Manuals.Core.Search;

/// <summary>
/// The full-text index inside the database (SQLite FTS5 or PostgreSQL tsvector). Saves update it in their own
/// transaction; this interface searches it and repairs it. A Lucene-based index could replace it behind this seam.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Manuals matching <paramref name="query"/> and <paramref name="filters"/> that <paramref name="viewer"/> may read
    /// (the access policy is part of the SQL, so unreadable manuals never reach results or counts).
    /// </summary>
    Task<SearchIndexPage> SearchAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int offset, int limit, Viewer viewer, CancellationToken cancellationToken);

    /// <summary>
    /// Titles of at most <paramref name="limit"/> manuals <paramref name="viewer"/> may read whose title alone matches
    /// <paramref name="query"/> (exclusions ignored), best first: the header box's suggestions.
    /// </summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, Viewer viewer, int limit, CancellationToken cancellationToken);

    /// <summary>Tags and templates of the manuals <paramref name="viewer"/> may read.</summary>
    Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken);

    /// <summary>Re-analyses and re-writes every manual, in batches, reporting after each batch; returns how many.</summary>
    Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Indexes only manuals that are missing or stale (older revision or analyzer); returns how many.</summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);

    Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken);
}
