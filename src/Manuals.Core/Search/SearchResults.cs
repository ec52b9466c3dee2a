using Manuals.Core.Coverage;

namespace Manuals.Core.Search;

/// <summary>A page of results.</summary>
/// <param name="Query">The parsed query (empty when there was nothing to search for).</param>
/// <param name="Total">Readable manuals that match, on all pages, counted up to <see cref="SearchLimits.MaxCount"/>.</param>
/// <param name="Page">The page shown (1-based).</param>
/// <param name="PageCount">Pages in all (0 when nothing matched).</param>
/// <param name="Hits">The results on this page.</param>
/// <param name="IsTotalCapped">More than <see cref="SearchLimits.MaxCount"/> manuals match; only that many are offered.</param>
public sealed record SearchResults(
    SearchQuery Query, int Total, int Page, int PageCount, IReadOnlyList<SearchHit> Hits, bool IsTotalCapped = false)
{
    /// <summary>
    /// Hardly any manual holds every word, so these are the manuals that hold some of them, those holding the most first
    /// (<see cref="SearchQuery.IsPartial"/>); <see cref="StrictTotal"/> says how many hold them all.
    /// </summary>
    public bool IsPartial { get; init; }

    /// <summary>Readable manuals that hold every word (equal to <see cref="Total"/> unless <see cref="IsPartial"/>).</summary>
    public int StrictTotal { get; init; }

    /// <summary>No words, only filters: every readable manual the filters allow, newest first by default.</summary>
    public bool IsListing { get; init; }

    /// <summary>「もしかして」: the text with a misspelt word corrected from the index's own words, when that finds manuals.</summary>
    public string? Correction { get; init; }

    /// <summary>Business tasks the viewer may see whose names hold every word.</summary>
    public IReadOnlyList<BusinessTaskName> Tasks { get; init; } = [];
}
