using System.Buffers;

namespace Manuals.Core.Search;

/// <summary>
/// Reads what users type: space-separated terms are ANDed, <c>"quoted phrases"</c> keep their words adjacent,
/// <c>-term</c> excludes, and <c>OR</c> between two terms accepts either. Everything else is text: the result holds
/// analysed tokens only, so engine syntax (<c>NEAR(</c>, <c>*</c>, <c>title:</c>, <c>&amp;|!</c>…) cannot reach an engine.
/// </summary>
/// <remarks>
/// Each term becomes a clause whose alternatives are the phrase of its tokens, its okurigana-reduced phrase, its
/// okurigana stem (申し込み → 申込) and the same for each synonym.
/// </remarks>
public static class SearchQueryParser
{
    private const string OrOperator = "OR";

    private static readonly SearchValues<char> Quotes = SearchValues.Create("\"＂“”");

    public static SearchQuery Parse(string? text, IReadOnlyList<SynonymGroup> synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        var clean = SearchText.Sanitize(text, out var truncated);
        var items = Lex(clean);
        if (items.Count(i => !i.IsOr) > SearchLimits.MaxTerms)
        {
            truncated = true;
            var kept = 0;
            items = items.TakeWhile(i => i.IsOr || ++kept <= SearchLimits.MaxTerms).ToList();
        }

        var synonymIndex = new SynonymIndex(synonyms);
        var clauses = new List<SearchClause>();
        var exclusions = new List<SearchClause>();
        var orPending = false;
        var previousWasIncluded = false;
        foreach (var item in items)
        {
            if (item.IsOr)
            {
                orPending = previousWasIncluded;
                continue;
            }

            var alternatives = item.IsQuoted ? QuotedAlternatives(item.Text, synonymIndex) : Alternatives(item.Text, synonymIndex);
            if (alternatives.Count == 0)
            {
                // Only symbols (*, ^, a lone quote): nothing to search for, and an OR around it has nothing to join.
                orPending = false;
                previousWasIncluded = false;
                continue;
            }

            if (item.IsExcluded)
            {
                exclusions.Add(new SearchClause(alternatives));
                orPending = false;
                previousWasIncluded = false;
                continue;
            }

            if (orPending)
            {
                var joined = clauses[^1].Alternatives.Concat(alternatives).DistinctBy(p => p.Key).ToList();
                clauses[^1] = new SearchClause(joined);
            }
            else
            {
                clauses.Add(new SearchClause(alternatives));
            }

            orPending = false;
            previousWasIncluded = true;
        }

        if (clauses.Count == 0 && exclusions.Count == 0 && items.Count == 1 && items[0].IsOr)
        {
            // A query that is only "OR" searches for the word.
            clauses.Add(new SearchClause(Alternatives(items[0].Text, synonymIndex)));
        }

        return new SearchQuery(clean, truncated, clauses, exclusions);
    }

    /// <summary>The phrases a term stands for: its own spellings, then its synonyms' spellings.</summary>
    private static List<SearchPhrase> Alternatives(string term, SynonymIndex synonyms)
    {
        var phrases = new List<SearchPhrase>();
        var own = Forms(term);
        phrases.AddRange(own);
        if (own.Count > 0)
        {
            foreach (var synonym in synonyms.For(own[0].Key))
            {
                phrases.AddRange(Forms(synonym));
            }
        }

        return phrases.DistinctBy(p => p.Key).ToList();
    }

    /// <summary>
    /// A quoted phrase: its words in sequence. Japanese is written without spaces, so where a space stands between two
    /// kanji or kana the words also match run together (「"経理 部"」 finds 経理部 as well as 経理 部); a space between Latin
    /// words stays a word boundary.
    /// </summary>
    private static List<SearchPhrase> QuotedAlternatives(string phrase, SynonymIndex synonyms)
    {
        var alternatives = Alternatives(phrase, synonyms);
        var joined = JoinJapaneseWords(phrase);
        if (!string.Equals(joined, phrase, StringComparison.Ordinal))
        {
            alternatives = Alternatives(joined, synonyms).Concat(alternatives).DistinctBy(p => p.Key).ToList();
        }

        return alternatives;
    }

    /// <summary>The text without the spaces that stand between two Japanese characters.</summary>
    private static string JoinJapaneseWords(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && builder.Length > 0 && IsJapanese(builder[^1]))
            {
                var next = i;
                while (next < text.Length && text[next] == ' ')
                {
                    next++;
                }

                if (next < text.Length && IsJapanese(text[next]))
                {
                    i = next - 1;
                    continue;
                }
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static bool IsJapanese(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or '\u3005' or (>= '\uFF66' and <= '\uFF9F');

    /// <summary>The term as written; its okurigana-reduced form; its okurigana stem. The first is its identity.</summary>
    private static List<SearchPhrase> Forms(string term)
    {
        var forms = new List<SearchPhrase>();
        var tokens = SearchAnalyzer.Analyze(term);
        if (AsWritten(tokens) is not { } written)
        {
            return forms;
        }

        forms.Add(written);
        var isSingleRun = tokens.All(t => t.Kind != SearchTokenKind.Word)
            && tokens.Count(t => t.Kind is SearchTokenKind.RunEnd or SearchTokenKind.Unigram) == 1;
        if (isSingleRun && tokens.Any(t => t.Kind == SearchTokenKind.Variant))
        {
            var reduced = tokens.Where(t => t.Kind == SearchTokenKind.Variant).Select(t => t.Text).ToList();
            forms.Add(new SearchPhrase(reduced, IsPrefix: false));
        }

        if (SearchAnalyzer.OkuriganaStem(term) is { } stem && AsWritten(SearchAnalyzer.Analyze(stem)) is { } stemmed)
        {
            forms.Add(stemmed with { IsStem = true });
        }

        return forms;
    }

    /// <summary>
    /// The phrase of the term as written: its words and bigrams without okurigana variants. The last run's final
    /// character is dropped (the term may continue in a document: 経理 in 経理部); a one-character last run becomes a
    /// prefix instead (経 finds 経理, PDF出 finds PDF出力).
    /// </summary>
    private static SearchPhrase? AsWritten(IReadOnlyList<SearchToken> tokens)
    {
        var written = tokens.Where(t => t.Kind != SearchTokenKind.Variant).ToList();
        if (written.Count == 0)
        {
            return null;
        }

        var last = written[^1];
        if (last.Kind == SearchTokenKind.RunEnd)
        {
            written.RemoveAt(written.Count - 1);
        }

        return new SearchPhrase(written.Select(t => t.Text).ToList(), IsPrefix: last.Kind == SearchTokenKind.Unigram);
    }

    /// <summary>Splits the text into terms, quoted phrases, exclusions and OR operators.</summary>
    private static List<Item> Lex(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var excluded = false;
            if (IsMinus(text[i]) && i + 1 < text.Length && text[i + 1] != ' ')
            {
                excluded = true;
                i++;
            }

            int end;
            string value;
            if (IsQuote(text[i]))
            {
                var close = text.AsSpan(i + 1).IndexOfAny(Quotes);
                end = close < 0 ? text.Length : i + 1 + close;
                value = text[(i + 1)..end];
                end = Math.Min(end + 1, text.Length);
                items.Add(new Item(value, excluded, IsOr: false, IsQuoted: true));
                i = end;
                continue;
            }

            end = text.IndexOf(' ', i);
            end = end < 0 ? text.Length : end;
            value = text[i..end];
            items.Add(new Item(value, excluded, IsOr: !excluded && value is OrOperator or "ＯＲ", IsQuoted: false));
            i = end;
        }

        return items;
    }

    private static bool IsMinus(char c) => c is '-' or '－' or '−';

    private static bool IsQuote(char c) => c is '"' or '＂' or '“' or '”';

    private sealed record Item(string Text, bool IsExcluded, bool IsOr, bool IsQuoted);

    /// <summary>Synonym groups by the phrase key of each member, so ＰＣ, pc and PC find the same group.</summary>
    private sealed class SynonymIndex
    {
        private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

        public SynonymIndex(IReadOnlyList<SynonymGroup> groups)
        {
            foreach (var group in groups)
            {
                foreach (var term in group.Terms)
                {
                    if (AsWritten(SearchAnalyzer.Analyze(term)) is not { } phrase)
                    {
                        continue;
                    }

                    if (!_byKey.TryGetValue(phrase.Key, out var others))
                    {
                        others = [];
                        _byKey[phrase.Key] = others;
                    }

                    others.AddRange(group.Terms.Where(t => !string.Equals(t, term, StringComparison.Ordinal)));
                }
            }
        }

        public List<string> For(string key) => _byKey.TryGetValue(key, out var terms) ? terms : [];
    }
}
