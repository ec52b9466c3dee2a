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
        var start = 0;
        if (matches.Count > 0)
        {
            var first = matches[BestCluster(matches, length)].Start;
            start = Math.Max(0, first - Lead);
            // Start after a sentence or line end when there is one shortly before the match.
            var boundary = start > 0 ? text.AsSpan(start, first - start).LastIndexOfAny(SentenceEnds) : -1;
            if (boundary >= 0)
            {
                start += boundary + 1;
            }
        }

        var end = Math.Min(text.Length, start + length);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return Collapse(Cut(text, matches, start, end));
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

        var tokens = SearchAnalyzer.Analyze(text);
        var byText = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!byText.TryGetValue(tokens[i].Text, out var positions))
            {
                positions = [];
                byText[tokens[i].Text] = positions;
            }

            positions.Add(i);
        }

        var spans = new List<(int Start, int End)>();
        foreach (var phrase in phrases)
        {
            var count = phrase.Tokens.Count;
            IEnumerable<int> starts = count == 1 && phrase.IsPrefix
                ? Enumerable.Range(0, tokens.Count)
                : byText.GetValueOrDefault(phrase.Tokens[0]) ?? [];
            foreach (var i in starts)
            {
                if (i + count > tokens.Count || !Matches(tokens, i, phrase))
                {
                    continue;
                }

                var last = tokens[i + count - 1];
                var partial = phrase.IsPrefix && last.Text.Length > phrase.Tokens[^1].Length;
                spans.Add((tokens[i].Start, partial ? last.FirstEnd : last.End));
            }
        }

        return Merge(spans);
    }

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

    private static HighlightedText Collapse(HighlightedText text)
    {
        var segments = new List<HighlightSegment>();
        var previousEndedInSpace = true;
        foreach (var segment in text.Segments)
        {
            var builder = new StringBuilder(segment.Text.Length);
            foreach (var c in segment.Text)
            {
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
                previousEndedInSpace = false;
            }

            if (builder.Length > 0)
            {
                segments.Add(segment with { Text = builder.ToString() });
            }
        }

        if (segments.Count > 0 && segments[^1].Text.EndsWith(' '))
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text.TrimEnd() };
        }

        return text with { Segments = segments.Where(s => s.Text.Length > 0).ToList() };
    }
}
