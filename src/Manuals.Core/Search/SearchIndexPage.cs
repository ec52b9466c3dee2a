namespace Manuals.Core.Search;

/// <summary>One page of matches and how many readable manuals match in all.</summary>
public sealed record SearchIndexPage(int Total, IReadOnlyList<SearchIndexRow> Rows);
