namespace Manuals.Core.Search;

/// <summary>What a <see cref="SearchToken"/> stands for; the query side needs to know to build phrases.</summary>
public enum SearchTokenKind
{
    /// <summary>A run of letters and digits outside CJK scripts (Latin, digits, Greek…): <c>excel</c>, <c>2024</c>.</summary>
    Word,

    /// <summary>Two neighbouring characters of a CJK run (kanji, hiragana, katakana, hangul): 月次決算 → 月次 次決 決算.</summary>
    Bigram,

    /// <summary>The only character of a one-character CJK run, as Lucene's CJK bigram filter emits it.</summary>
    Unigram,

    /// <summary>
    /// The last character of a CJK run of two or more characters, after the run's bigrams. It lets a one-character
    /// query find a character that ends a run, and keeps a run and the word after it adjacent (PDF出力 → pdf 出力 力).
    /// </summary>
    RunEnd,

    /// <summary>
    /// A bigram of the run's okurigana-reduced form (申し込み → 申込み: 申込 込み), emitted before the run's own bigrams
    /// when the reduced form differs.
    /// </summary>
    Variant,
}
