namespace Manuals.Core.Search;

/// <summary>
/// A parsed query: clauses a manual must all match, clauses it must not match, and what happened to the text on the
/// way. Every clause holds phrases of analysed tokens only.
/// </summary>
public sealed class SearchQuery
{
    public SearchQuery(
        string text, bool isTruncated, IReadOnlyList<SearchClause> clauses, IReadOnlyList<SearchClause> exclusions, bool isPartial = false)
    {
        Text = text;
        IsTruncated = isTruncated;
        Clauses = clauses;
        Exclusions = exclusions;
        IsPartial = isPartial;
    }

    /// <summary>The cleaned text that was searched (control characters removed, cut to the limit).</summary>
    public string Text { get; }

    /// <summary>The query was longer than <see cref="SearchLimits.MaxQueryLength"/> or had more than <see cref="SearchLimits.MaxTerms"/> terms.</summary>
    public bool IsTruncated { get; }

    /// <summary>Every one must match (AND), unless the query <see cref="IsPartial"/>.</summary>
    public IReadOnlyList<SearchClause> Clauses { get; }

    /// <summary>None may match (<c>-term</c>).</summary>
    public IReadOnlyList<SearchClause> Exclusions { get; }

    /// <summary>
    /// A manual matches when it holds at least one clause (exclusions still apply), and ranks by how many it holds: the
    /// fallback when hardly any manual holds every word.
    /// </summary>
    public bool IsPartial { get; }

    /// <summary>Nothing to search for: no text, only symbols, or only exclusions.</summary>
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The phrases to highlight in titles and snippets.</summary>
    public IReadOnlyList<SearchPhrase> HighlightPhrases => Clauses.SelectMany(c => c.Alternatives).ToList();

    /// <summary>The same query, matched partially (<see cref="IsPartial"/>).</summary>
    public SearchQuery AsPartial() => new(Text, IsTruncated, Clauses, Exclusions, isPartial: true);
}
