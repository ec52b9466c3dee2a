namespace Manuals.Core.Search;

/// <summary>Bounds that keep every search cheap, whatever is typed.</summary>
public static class SearchLimits
{
    /// <summary>Characters of a query that are searched; the rest is dropped with a notice.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>Terms and phrases (included or excluded) of a query that are searched; the rest is dropped with a notice.</summary>
    public const int MaxTerms = 16;

    /// <summary>Results per page.</summary>
    public const int PageSize = 20;

    /// <summary>Longest Latin or digit word kept (longer ones are cut, the same way in documents and queries).</summary>
    public const int MaxWordLength = 64;
}
