namespace Manuals.Core.Search;

/// <summary>One term of a query: a document matches when it matches any of the alternatives (spellings, synonyms, OR).</summary>
public sealed record SearchClause(IReadOnlyList<SearchPhrase> Alternatives);
