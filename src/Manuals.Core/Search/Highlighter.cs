using System.Buffers;
using System.Text;

namespace Manuals.Core.Search;

/// <summary>
/// Finds where a query's phrases occur in original text, by analysing the text and matching the phrases against its
/// tokens exactly as the index does, then marks those spans using the tokens' original offsets: a query for 申込
/// marks 「申し込」 in 「申し込み」, and ＰＣ marks 「PC」.
/// </summary>
public static class Highlighter
{
    /// <summary>Characters of text a snippet shows.</summary>
    public const int SnippetLength = 160;

    // How much text a snippet shows before its first match, at most.
    private const int Lead = 40;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。．!?！？\n");

    // Hiragana that follow a stem as particles, not okurigana (経理を: を is not part of the word).
    private static readonly SearchValues<char> Particles = SearchValues.Create("のをにはがでともへやか");

    /// <summary>What a line break between blocks (a heading, a list item) becomes in a snippet.</summary>
    public const string BlockSeparator = "／";

    /// <summary>The whole text, with matches marked (for titles).</summary>
    public static HighlightedText Highlight(string text, IReadOnlyList<SearchPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        return Cut(text, FindMatches(text, phrases), 0, text.Length);
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of <paramref name="text"/> around the densest cluster of matches,
    /// or its beginning when nothing matches. Line breaks and runs of spaces become single spaces.
    /// </summary>
    public static HighlightedText Snippet(string text, IReadOnlyList<SearchPhrase> phrases, int length = SnippetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        var matches = FindMatches(text, phrases);
        var first = matches.Count > 0 ? matches[BestCluster(matches, length)].Start : -1;
        return Collapse(Window(text, matches, first, length), lineBreak: null);
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of <paramref name="text"/> (one block per line, as
    /// <c>MarkdownRenderer.ToSnippetText</c> writes it) at the passage that holds the most of the query's words, then the
    /// most matches; every word's matches are marked. Line breaks between blocks become <see cref="BlockSeparator"/>
    /// (a space after a sentence's end), so a heading never runs into the text after it.
    /// </summary>
    public static HighlightedText Snippet(string text, IReadOnlyList<SearchClause> clauses, int length = SnippetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clauses);
        // The text is analysed once for all the clauses, and only where a phrase may occur.
        var analysed = text.Length == 0 ? null : AnalysedText.LinesHolding(text, clauses.SelectMany(c => c.Alternatives).ToList());
        var tagged = new List<(int Start, int End, int Clause)>();
        for (var k = 0; k < clauses.Count && analysed is not null; k++)
        {
            foreach (var (start, end) in FindMatches(analysed, clauses[k].Alternatives))
            {
                tagged.Add((start, end, k));
            }
        }

        tagged.Sort((a, b) => (a.Start, a.Clause, a.End).CompareTo((b.Start, b.Clause, b.End)));
        var first = tagged.Count > 0 ? BestPassage(tagged, length - Lead) : -1;
        var matches = Merge(tagged.Select(m => (m.Start, m.End)).ToList());
        return Collapse(Window(text, matches, first, length), BlockSeparator);
    }

    /// <summary>The text from shortly before <paramref name="first"/> (or its beginning when it is -1), cut to about <paramref name="length"/>.</summary>
    private static HighlightedText Window(string text, IReadOnlyList<(int Start, int End)> matches, int first, int length)
    {
        var start = 0;
        if (first >= 0)
        {
            start = Math.Max(0, first - Lead);
            // Start after a sentence or line end when there is one shortly before the match.
            var boundary = start > 0 ? text.AsSpan(start, first - start).LastIndexOfAny(SentenceEnds) : -1;
            if (boundary >= 0)
            {
                start += boundary + 1;
            }
        }

        var end = Math.Min(text.Length, start + length);
        // A mark is never cut short: the window takes in the rest of a match it ends inside.
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchStart < end && matchEnd > end)
            {
                end = matchEnd;
            }
        }

        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return Cut(text, matches, start, end);
    }

    /// <summary>
    /// Where the passage of <paramref name="length"/> characters starts that holds the most different clauses, then the
    /// most matches (a sliding window over the matches in text order).
    /// </summary>
    private static int BestPassage(List<(int Start, int End, int Clause)> matches, int length)
    {
        var counts = new Dictionary<int, int>();
        var (best, bestClauses, bestMatches) = (matches[0].Start, 0, 0);
        var j = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            while (j < matches.Count && matches[j].End <= matches[i].Start + length)
            {
                counts[matches[j].Clause] = counts.GetValueOrDefault(matches[j].Clause) + 1;
                j++;
            }

            var inWindow = j - i;
            if (counts.Count > bestClauses || (counts.Count == bestClauses && inWindow > bestMatches))
            {
                (best, bestClauses, bestMatches) = (matches[i].Start, counts.Count, inWindow);
            }

            if (j > i && --counts[matches[i].Clause] == 0)
            {
                counts.Remove(matches[i].Clause);
            }
        }

        return best;
    }

    /// <summary>The spans (original offsets, merged, in order) where any phrase matches.</summary>
    public static IReadOnlyList<(int Start, int End)> FindMatches(string text, IReadOnlyList<SearchPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Count == 0 || text.Length == 0)
        {
            return [];
        }

        return FindMatches(new AnalysedText(text), phrases);
    }

    private static List<(int Start, int End)> FindMatches(AnalysedText analysed, IReadOnlyList<SearchPhrase> phrases)
    {
        var (text, tokens) = (analysed.Text, analysed.Tokens);
        var spans = new List<(int Start, int End)>();
        foreach (var phrase in phrases)
        {
            var count = phrase.Tokens.Count;
            IEnumerable<int> starts = count == 1 && phrase.IsPrefix
                ? Enumerable.Range(0, tokens.Count)
                : analysed.PositionsOf(phrase.Tokens[0]);
            foreach (var i in starts)
            {
                if (i + count > tokens.Count || !Matches(tokens, i, phrase))
                {
                    continue;
                }

                var last = tokens[i + count - 1];
                var partial = phrase.IsPrefix && last.Text.Length > phrase.Tokens[^1].Length;
                spans.Add((tokens[i].Start, WholeWordEnd(text, partial ? last.FirstEnd : last.End, phrase.IsStem)));
            }
        }

        return Merge(spans);
    }

    /// <summary>
    /// Where a match ending at <paramref name="end"/> should stop being marked: past a long vowel mark the analyzer drops
    /// from a katakana word (コストセンタ<b>ー</b>), and for an okurigana stem past the okurigana written after it
    /// (問い合<b>わせ</b>, 手続<b>き</b> but not the particle in 手続きを).
    /// </summary>
    private static int WholeWordEnd(string text, int end, bool isStem)
    {
        while (end > 0 && end < text.Length && text[end] is 'ー' or 'ｰ' && IsKatakanaOrMark(text[end - 1]))
        {
            end++;
        }

        if (isStem && end > 0 && IsKanji(text[end - 1]))
        {
            for (var n = 0; n < 2 && end < text.Length && text[end] is >= 'ぁ' and <= 'ゖ' && !Particles.Contains(text[end]); n++)
            {
                end++;
            }
        }

        return end;
    }

    private static bool IsKatakanaOrMark(char c) => c is (>= 'ァ' and <= 'ヺ') or 'ー' or (>= 'ｦ' and <= 'ﾟ');

    private static bool IsKanji(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '々';

    private static bool Matches(IReadOnlyList<SearchToken> tokens, int start, SearchPhrase phrase)
    {
        var count = phrase.Tokens.Count;
        for (var k = 0; k < count; k++)
        {
            var token = tokens[start + k].Text;
            var wanted = phrase.Tokens[k];
            var ok = k == count - 1 && phrase.IsPrefix
                ? token.StartsWith(wanted, StringComparison.Ordinal)
                : string.Equals(token, wanted, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>The index of the match that starts the window of <paramref name="length"/> characters holding the most matches.</summary>
    private static int BestCluster(IReadOnlyList<(int Start, int End)> matches, int length)
    {
        var best = 0;
        var bestCount = 0;
        var j = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            j = Math.Max(j, i);
            while (j < matches.Count && matches[j].End <= matches[i].Start + length)
            {
                j++;
            }

            if (j - i > bestCount)
            {
                (best, bestCount) = (i, j - i);
            }
        }

        return best;
    }

    private static HighlightedText Cut(string text, IReadOnlyList<(int Start, int End)> matches, int start, int end)
    {
        var segments = new List<HighlightSegment>();
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            var from = Math.Max(matchStart, start);
            var to = Math.Min(matchEnd, end);
            if (to <= from)
            {
                continue;
            }

            if (from > at)
            {
                segments.Add(new HighlightSegment(text[at..from], false));
            }

            segments.Add(new HighlightSegment(text[from..to], true));
            at = to;
        }

        if (at < end)
        {
            segments.Add(new HighlightSegment(text[at..end], false));
        }

        return new HighlightedText(segments, start > 0, end < text.Length);
    }

    /// <summary>
    /// Runs of white space become one space; with a <paramref name="lineBreak"/>, a run holding a line break becomes it
    /// instead, unless a sentence ended there.
    /// </summary>
    private static HighlightedText Collapse(HighlightedText text, string? lineBreak)
    {
        var segments = new List<HighlightSegment>();
        var previousEndedInSpace = true;
        var previous = '\0';
        foreach (var segment in text.Segments)
        {
            var builder = new StringBuilder(segment.Text.Length);
            foreach (var c in segment.Text)
            {
                if (c == '\n' && lineBreak is not null && previous != '\0' && !SentenceEnds.Contains(previous))
                {
                    if (builder.Length > 0 && builder[^1] == ' ')
                    {
                        builder.Length--;
                    }

                    builder.Append(lineBreak);
                    previous = '\n';
                    previousEndedInSpace = true;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (!previousEndedInSpace)
                    {
                        builder.Append(' ');
                        previousEndedInSpace = true;
                    }

                    continue;
                }

                builder.Append(c);
                previous = c;
                previousEndedInSpace = false;
            }

            if (builder.Length > 0)
            {
                segments.Add(segment with { Text = builder.ToString() });
            }
        }

        if (segments.Count > 0 && (segments[^1].Text.EndsWith(' ') || (lineBreak is not null && segments[^1].Text.EndsWith(lineBreak, StringComparison.Ordinal))))
        {
            var last = segments[^1].Text.TrimEnd();
            segments[^1] = segments[^1] with { Text = lineBreak is not null && last.EndsWith(lineBreak, StringComparison.Ordinal) ? last[..^lineBreak.Length] : last };
        }

        return text with { Segments = segments.Where(s => s.Text.Length > 0).ToList() };
    }

    /// <summary>A text's tokens, and where each token text occurs among them.</summary>
    private sealed class AnalysedText
    {
        private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

        public AnalysedText(string text)
            : this(text, SearchAnalyzer.Analyze(text))
        {
        }

        private AnalysedText(string text, IReadOnlyList<SearchToken> tokens)
        {
            Text = text;
            Tokens = tokens;
            for (var i = 0; i < Tokens.Count; i++)
            {
                if (!_positions.TryGetValue(Tokens[i].Text, out var positions))
                {
                    positions = [];
                    _positions[Tokens[i].Text] = positions;
                }

                positions.Add(i);
            }
        }

        public string Text { get; }

        public IReadOnlyList<SearchToken> Tokens { get; }

        public List<int> PositionsOf(string token) => _positions.GetValueOrDefault(token) ?? [];

        /// <summary>
        /// The tokens of the lines of <paramref name="text"/> where one of <paramref name="phrases"/> may start (the line
        /// holds every character of its first token, once normalised as the analyzer does) and of the line after each,
        /// where a phrase may go on; a gap between them never counts as adjacent. Most of a manual holds none of the
        /// query's words, and is not analysed.
        /// </summary>
        public static AnalysedText LinesHolding(string text, IReadOnlyList<SearchPhrase> phrases)
        {
            var lines = text.Split('\n');
            var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Split('\n');
            if (normalized.Length != lines.Length)
            {
                return new AnalysedText(text);
            }

            var wanted = new bool[lines.Length];
            for (var k = 0; k < lines.Length; k++)
            {
                if (phrases.Any(phrase => phrase.Tokens[0].All(c => normalized[k].Contains(c, StringComparison.Ordinal))))
                {
                    wanted[k] = true;
                    if (k + 1 < lines.Length)
                    {
                        wanted[k + 1] = true;
                    }
                }
            }

            var tokens = new List<SearchToken>();
            var start = 0;
            for (var k = 0; k < lines.Length; start += lines[k].Length + 1, k++)
            {
                if (!wanted[k])
                {
                    continue;
                }

                if (k > 0 && !wanted[k - 1] && tokens.Count > 0)
                {
                    tokens.Add(Gap);
                }

                var offset = start;
                tokens.AddRange(SearchAnalyzer.Analyze(lines[k])
                    .Select(t => t with { Start = t.Start + offset, End = t.End + offset, FirstEnd = t.FirstEnd + offset }));
            }

            return new AnalysedText(text, tokens);
        }

        /// <summary>Stands between lines that are not next to each other: equal to no token.</summary>
        private static readonly SearchToken Gap = new("\n", SearchTokenKind.RunEnd, -1, 0, 0, 0);
    }
}
