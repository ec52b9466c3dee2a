namespace Manuals.Core.Search;

/// <summary>One page of matches and how many readable manuals match in all.</summary>
/// <param name="Total">Readable manuals that match, counted up to <see cref="SearchLimits.MaxCount"/>.</param>
/// <param name="Rows">The manuals of the page.</param>
/// <param name="IsTotalCapped">More than <see cref="SearchLimits.MaxCount"/> manuals match.</param>
public sealed record SearchIndexPage(int Total, IReadOnlyList<SearchIndexRow> Rows, bool IsTotalCapped = false);
