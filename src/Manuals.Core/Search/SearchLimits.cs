namespace Manuals.Core.Search;

/// <summary>Bounds that keep every search cheap, whatever is typed.</summary>
public static class SearchLimits
{
    /// <summary>Characters of a query that are searched; the rest is dropped with a notice.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>Terms and phrases (included or excluded) of a query that are searched; the rest is dropped with a notice.</summary>
    public const int MaxTerms = 16;

    /// <summary>
    /// Matches a search counts and ranks at most. Beyond this the page says 「1,000 件以上」 and offers no further pages,
    /// so the work per search stays bounded however common the words are (see src/Manuals.Data/Search/README.md).
    /// </summary>
    public const int MaxCount = 1_000;

    /// <summary>Results per page.</summary>
    public const int PageSize = 20;

    /// <summary>Longest Latin or digit word kept (longer ones are cut, the same way in documents and queries).</summary>
    public const int MaxWordLength = 64;
}
