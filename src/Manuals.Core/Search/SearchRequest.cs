namespace Manuals.Core.Search;

/// <summary>A search as the results page asks for it.</summary>
/// <param name="Text">What the user typed (cleaned and parsed by <see cref="SearchQueryParser"/>).</param>
/// <param name="Filters">Narrowing conditions.</param>
/// <param name="Sort">Result order.</param>
/// <param name="Page">1-based page; out-of-range pages are moved into range.</param>
public sealed record SearchRequest(string? Text, SearchFilters Filters, SearchSort Sort, int Page);
