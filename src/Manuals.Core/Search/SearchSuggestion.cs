namespace Manuals.Core.Search;

/// <summary>What a suggestion leads to.</summary>
public enum SearchSuggestionKind
{
    Manual,
    Task,
}

/// <summary>One suggestion while typing: a manual title or a business task name.</summary>
public sealed record SearchSuggestion(SearchSuggestionKind Kind, long Id, string Text);
