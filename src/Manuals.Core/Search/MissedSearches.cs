using System.Text;

namespace Manuals.Core.Search;

/// <summary>Which searches count as missed, and the one form under which they are counted.</summary>
public static class MissedSearches
{
    /// <summary>A search with this many hits or fewer is counted.</summary>
    public const int FewHits = 2;

    /// <summary>
    /// The counted form of a query: cleaned like any query (<see cref="SearchText.Sanitize"/>), NFKC (full-width
    /// ＰＣ → PC, half-width ｶﾅ → カナ), lower-case, runs of spaces collapsed to one. 「ＰＣ　手順」 and 「pc 手順」 are one row.
    /// </summary>
    public static string Normalize(string? text)
    {
        var clean = SearchText.Sanitize(text, out _).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return string.Join(' ', clean.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>True when a search with <paramref name="hits"/> results should be counted.</summary>
    public static bool IsMissed(int hits) => hits is >= 0 and <= FewHits;
}
