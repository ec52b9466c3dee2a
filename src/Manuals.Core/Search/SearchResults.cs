namespace Manuals.Core.Search;

/// <summary>A page of results.</summary>
/// <param name="Query">The parsed query (empty when there was nothing to search for).</param>
/// <param name="Total">Readable manuals that match, on all pages, counted up to <see cref="SearchLimits.MaxCount"/>.</param>
/// <param name="Page">The page shown (1-based).</param>
/// <param name="PageCount">Pages in all (0 when nothing matched).</param>
/// <param name="Hits">The results on this page.</param>
/// <param name="IsTotalCapped">More than <see cref="SearchLimits.MaxCount"/> manuals match; only that many are offered.</param>
public sealed record SearchResults(
    SearchQuery Query, int Total, int Page, int PageCount, IReadOnlyList<SearchHit> Hits, bool IsTotalCapped = false);
