using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using Manuals.Core.Accounts;
using Manuals.Core.Search;

namespace Manuals.Data.Search.Lucene;

/// <summary>
/// 「もしかして」 from the index's own terms. Japanese text is indexed as bigrams, so a kanji or kana word is corrected one
/// character at a time: the replacements for a character are the second characters of the index's bigrams that start
/// with the character before it (年末調製: bigrams 調? → 調整, 調査…), kept only when the bigram with the character after
/// it exists too; then a swapped pair, then a dropped character. A Latin word is corrected within two edits
/// (a Levenshtein automaton over the terms). Candidates are checked most frequent first, with the viewer's access filter, so a word
/// is only ever suggested when it finds manuals the viewer may read.
/// </summary>
public static class LuceneSpelling
{
    /// <summary>Words longer than this are not corrected (a pasted sentence, not a misspelt word).</summary>
    private const int MaxWordLength = 24;

    /// <summary>Candidates of each kind that are checked at most, the most frequent first.</summary>
    private const int MaxChecked = 4;

    /// <summary>Pairs starting with a character that are tried in its neighbour's place at most, per field.</summary>
    private const int MaxPairs = 64;

    // Headings are left out (of candidates, and of what a phrase may match in): their text is in the body too.
    private static readonly string[] TextFields = [LuceneFields.Title, LuceneFields.Body, LuceneFields.Tags, LuceneFields.Tasks];

    /// <summary>The corrected word, or null when <paramref name="word"/> finds something as it is or nothing near it does.</summary>
    public static string? Correct(IndexSearcher searcher, string word, Filter? readable)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(word);
        var text = word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (text.Length is < 2 or > MaxWordLength)
        {
            return null;
        }

        var fields = TextFields
            .Select(field => (Field: field, Terms: MultiFields.GetTerms(searcher.IndexReader, field)))
            .Where(f => f.Terms is not null)
            .Select(f => (f.Field, Terms: f.Terms!))
            .ToList();
        var known = new Known(fields);
        if (Finds(searcher, text, readable, known))
        {
            return null;
        }

        // Replacing one character is the usual slip (a wrong kanji from the IME); a swap or a dropped character comes after.
        var kinds = new[]
        {
            text.All(char.IsAsciiLetterOrDigit) ? Fuzzy(fields, text) : Replacements(searcher.IndexReader, fields, text),
            Edits(text, swap: true),
            Edits(text, swap: false),
        };
        foreach (var candidates in kinds)
        {
            // The most frequent candidate that finds a manual this viewer may read: each check is a phrase search, so
            // they stop at the first that finds one.
            var found = candidates
                .Where(c => !string.Equals(c.Key, text, StringComparison.Ordinal))
                .OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(MaxChecked)
                .Select(c => c.Key)
                .FirstOrDefault(candidate => Finds(searcher, candidate, readable, known));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="word"/>, searched alone, finds a manual the viewer may read (<paramref name="readable"/>).
    /// Most candidates hold a pair of characters no manual has: those are known not to find anything from the terms
    /// alone (<see cref="Known"/>), without a search.
    /// </summary>
    private static bool Finds(IndexSearcher searcher, string word, Filter? readable, Known known)
    {
        var query = SearchQueryParser.Parse(word, []);
        if (query.IsEmpty || !query.Clauses.All(clause => clause.Alternatives.Any(known.MayMatch)))
        {
            return false;
        }

        var collector = new CappedCounter(1);
        searcher.Search(LuceneQueries.Match(query, searcher.IndexReader), readable, collector);
        return collector.Count > 0;
    }

    /// <summary>
    /// Which terms the index holds in the text fields, looked up once per term during one correction: a phrase can match
    /// only in a field that holds every one of its tokens.
    /// </summary>
    private sealed class Known(List<(string Field, Terms Terms)> fields)
    {
        private readonly Dictionary<(string Field, string Token), bool> _held = [];
        private readonly TermsEnum?[] _enums = new TermsEnum?[fields.Count];

        public bool MayMatch(SearchPhrase phrase)
        {
            // A prefix's last token stands for the terms it starts: not looked up.
            var exact = phrase.IsPrefix ? phrase.Tokens.Take(phrase.Tokens.Count - 1) : phrase.Tokens;
            return Enumerable.Range(0, fields.Count).Any(f => exact.All(token => Holds(f, token)));
        }

        private bool Holds(int field, string token)
        {
            var key = (fields[field].Field, token);
            if (!_held.TryGetValue(key, out var held))
            {
                var terms = _enums[field] ??= fields[field].Terms.GetEnumerator();
                held = terms.SeekExact(new BytesRef(token));
                _held[key] = held;
            }

            return held;
        }
    }

    /// <summary>Each kanji or kana after the first replaced by a character the index's bigrams put beside its neighbours.</summary>
    private static Dictionary<string, long> Replacements(IndexReader reader, List<(string Field, Terms Terms)> fields, string text)
    {
        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 1; i < text.Length; i++)
        {
            if (!IsKanjiOrKana(text[i]) || !IsKanjiOrKana(text[i - 1]))
            {
                continue;
            }

            var hasNext = i + 1 < text.Length && IsKanjiOrKana(text[i + 1]);
            foreach (var (field, terms) in fields)
            {
                // The most frequent pairs only: after a common character (の, 行) the index holds thousands, and each
                // kept one costs a look-up of the pair after it.
                var pairs = Bigrams(terms, text[i - 1])
                    .Where(b => b.Bigram[1] != text[i] && IsKanjiOrKana(b.Bigram[1]))
                    .OrderByDescending(b => b.Frequency)
                    .Take(MaxPairs);
                foreach (var (bigram, frequency) in pairs)
                {
                    var replacement = bigram[1];

                    var weight = frequency;
                    if (hasNext)
                    {
                        var after = reader.DocFreq(new Term(field, new string([replacement, text[i + 1]])));
                        if (after == 0)
                        {
                            continue;
                        }

                        weight = Math.Min(weight, after);
                    }

                    var candidate = string.Concat(text.AsSpan(0, i), new string(replacement, 1), text.AsSpan(i + 1));
                    candidates[candidate] = Math.Max(candidates.GetValueOrDefault(candidate), weight);
                }
            }
        }

        return candidates;
    }

    /// <summary>The two-character terms of a field that start with <paramref name="first"/>, with their document frequency.</summary>
    private static IEnumerable<(string Bigram, long Frequency)> Bigrams(Terms terms, char first)
    {
        var prefix = new BytesRef(first.ToString());
        var e = terms.GetEnumerator();
        if (e.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }

        do
        {
            if (!StringHelper.StartsWith(e.Term, prefix))
            {
                yield break;
            }

            var term = e.Term.Utf8ToString();
            if (term.Length == 2)
            {
                yield return (term, e.DocFreq);
            }
        }
        while (e.MoveNext());
    }

    /// <summary>Latin words of the index within two edits of <paramref name="text"/> (one for a short word; first letter kept).</summary>
    private static Dictionary<string, long> Fuzzy(List<(string Field, Terms Terms)> fields, string text)
    {
        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        if (text.Length < 3)
        {
            return candidates;
        }

        // One automaton for every field (building it costs more than walking a field's terms with it).
        var withinEdits = BasicOperations.Concatenate(
            BasicAutomata.MakeString(text[..1]),
            new LevenshteinAutomata(text[1..], withTranspositions: true).ToAutomaton(text.Length < 5 ? 1 : 2));
        var automaton = new CompiledAutomaton(withinEdits, finite: true, simplify: false);
        foreach (var (_, terms) in fields)
        {
            var e = automaton.GetTermsEnum(terms);
            while (e.MoveNext())
            {
                var term = e.Term.Utf8ToString();
                if (term.Length >= 3 && term.All(char.IsAsciiLetterOrDigit))
                {
                    candidates[term] = Math.Max(candidates.GetValueOrDefault(term), e.DocFreq);
                }
            }
        }

        return candidates;
    }

    /// <summary>Every adjacent pair swapped, or every character dropped (the longer words only).</summary>
    private static Dictionary<string, long> Edits(string text, bool swap)
    {
        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!swap && text.Length < 3)
        {
            return candidates;
        }

        for (var i = 0; i < text.Length - (swap ? 1 : 0); i++)
        {
            if (char.IsSurrogate(text[i]) || (swap && char.IsSurrogate(text[i + 1])))
            {
                continue;
            }

            var candidate = swap
                ? string.Concat(text.AsSpan(0, i), new string([text[i + 1], text[i]]), text.AsSpan(i + 2))
                : text.Remove(i, 1);
            candidates.TryAdd(candidate, 0);
        }

        return candidates;
    }

    private static bool IsKanjiOrKana(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or '\u3005';
}
