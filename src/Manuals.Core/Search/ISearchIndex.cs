using Manuals.Core.Accounts;

namespace Manuals.Core.Search;

/// <summary>
/// This node's search index (Lucene.Net, in <c>Manuals.Data</c>): saves tell it what changed through the search journal,
/// written in their own transaction; this interface searches it, brings it up to the journal and rebuilds it.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Read-your-writes: brings the index up to every save committed before this call (waiting a bounded time), so a
    /// search after it finds them. The other methods search what the index holds: call this once before the searches
    /// of one request (one journal check per request, not one per index query).
    /// </summary>
    Task WaitForSavesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Manuals matching <paramref name="query"/> and <paramref name="filters"/> that <paramref name="viewer"/> may read
    /// (the access policy is part of the index query, so unreadable manuals never reach results or counts).
    /// </summary>
    Task<SearchIndexPage> SearchAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int offset, int limit, Viewer viewer, CancellationToken cancellationToken);

    /// <summary>
    /// Titles of at most <paramref name="limit"/> manuals <paramref name="viewer"/> may read whose title alone matches
    /// <paramref name="query"/> (exclusions ignored), best first: the header box's suggestions.
    /// </summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, Viewer viewer, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// 「もしかして」 for one word the user typed that finds nothing: the index's own words one character away (a kanji or
    /// kana replaced, dropped or swapped; a Latin word within two edits), the one that finds the most manuals
    /// <paramref name="viewer"/> may read; null when the word finds something as it is or nothing near it does. A word
    /// only readable manuals hold is ever returned, so a correction never reveals text the viewer may not read.
    /// </summary>
    Task<string?> CorrectAsync(string word, Viewer viewer, CancellationToken cancellationToken);

    /// <summary>Tags and templates of the manuals <paramref name="viewer"/> may read.</summary>
    Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken);

    /// <summary>
    /// Re-analyses every manual into a new index beside the one in use, reporting after each batch, and swaps it in;
    /// searches and saves go on meanwhile. Returns how many manuals; throws <see cref="InvalidOperationException"/>
    /// when a rebuild is already running.
    /// </summary>
    Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Applies the journal rows the index has not applied yet; returns how many manuals changed in it.</summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);

    Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken);
}
