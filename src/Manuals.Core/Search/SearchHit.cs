namespace Manuals.Core.Search;

/// <summary>One result: the manual, its title with matches marked, and a snippet of its text with matches marked.</summary>
public sealed record SearchHit(SearchIndexRow Manual, HighlightedText Title, HighlightedText Snippet);
