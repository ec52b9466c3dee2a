using System.Globalization;
using System.Text;

namespace Manuals.Core.Search;

/// <summary>
/// Turns text into search terms, the same way for documents and for queries, modelled on Lucene's CJK chain
/// (CJKWidthFilter, LowerCaseFilter, CJKBigramFilter) plus Japanese katakana and okurigana folding.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>NFKC (full-width ASCII → ASCII, half-width katakana → full-width, ① → 1) and lower-case.</item>
/// <item>Letters and digits outside CJK scripts form words (<c>Excel</c> → excel, <c>e-Tax</c> → e, tax).</item>
/// <item>Runs of kanji, hiragana, katakana (with ー) and hangul become overlapping bigrams, followed by the run's last
/// character (<see cref="SearchTokenKind.RunEnd"/>); a one-character run becomes that character
/// (<see cref="SearchTokenKind.Unigram"/>).</item>
/// <item>A katakana word of four or more characters loses one trailing ー (サーバー = サーバ).</item>
/// <item>Okurigana: a hiragana character standing between two kanji (particles such as の・を・に excepted) is also
/// indexed without it. When that changes a run, the reduced run's bigrams come first
/// (<see cref="SearchTokenKind.Variant"/>), then the run's own bigrams, so a phrase matches either spelling with
/// adjacent positions: 申し込み → [申込 込み] [申し し込 込み] み.</item>
/// </list>
/// Every token carries its position (its index in the stream) and its offsets in the original text, so snippets
/// highlight what the user actually wrote. <see cref="Version"/> changes whenever the output changes; the index
/// re-analyses documents written by an older version.
/// </remarks>
public static class SearchAnalyzer
{
    /// <summary>Bump when tokens change, so stored documents are re-indexed (see the index's catch-up).</summary>
    public const int Version = 1;

    private const char ProlongedSoundMark = 'ー';

    // Hiragana that are usually particles, not okurigana, when they stand between kanji (経理の手順, 本日は晴天).
    private const string Particles = "のをにはがでともへやか";

    /// <summary>Analyses <paramref name="text"/> into tokens with positions 0, 1, 2… and original offsets.</summary>
    public static IReadOnlyList<SearchToken> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NormalizedText.From(text);
        var tokens = new List<SearchToken>();
        new Tokenizer(normalized, tokens).Run();
        return tokens;
    }

    /// <summary>
    /// The term without okurigana, for matching its other spellings: 申し込み → 申込, 打ち合わせ → 打合, 手続き → 手続.
    /// Applies to a term that is a single CJK run ending in one or two hiragana after at least two kanji; null otherwise.
    /// </summary>
    public static string? OkuriganaStem(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var normalized = NormalizedText.From(term);
        var elements = new List<Element>();
        foreach (var (element, script) in normalized.Elements())
        {
            if (script is Script.Mark)
            {
                continue;
            }

            if (!IsCjk(script))
            {
                return null;
            }

            elements.Add(element);
        }

        var folded = FoldKatakana(elements);
        var run = Reduce(folded) ?? folded;
        var trailing = 0;
        while (trailing < run.Count && run[run.Count - 1 - trailing].Script == Script.Hiragana)
        {
            trailing++;
        }

        var stemLength = run.Count - trailing;
        if (trailing is < 1 or > 2 || stemLength < 2
            || run[stemLength - 1].Script != Script.Kanji || run[stemLength - 2].Script != Script.Kanji)
        {
            return null;
        }

        var stem = new StringBuilder();
        for (var i = 0; i < stemLength; i++)
        {
            stem.Append(normalized.Text, run[i].Index, run[i].Length);
        }

        return stem.ToString();
    }

    private static bool IsCjk(Script script) => script is Script.Kanji or Script.Hiragana or Script.Katakana or Script.Hangul;

    private static Script Classify(Rune rune)
    {
        var v = rune.Value;
        if (v < 0x80)
        {
            return char.IsAsciiLetterOrDigit((char)v) ? Script.Word : Script.Separator;
        }

        if (v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x323AF) or 0x3005 or 0x3006 or 0x3007 or 0x303B)
        {
            return Script.Kanji;
        }

        if (v is (>= 0x3041 and <= 0x3096) or (>= 0x309D and <= 0x309F))
        {
            return Script.Hiragana;
        }

        if (v is (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF))
        {
            return Script.Katakana;
        }

        if (v is (>= 0xAC00 and <= 0xD7A3) or (>= 0x1100 and <= 0x11FF) or (>= 0x3131 and <= 0x318E))
        {
            return Script.Hangul;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return Script.Mark;
        }

        return Rune.IsLetterOrDigit(rune) ? Script.Word : Script.Separator;
    }

    /// <summary>A katakana word of four or more characters loses one trailing ー (サーバー → サーバ, コピー stays).</summary>
    private static List<Element> FoldKatakana(List<Element> run)
    {
        List<Element>? folded = null;
        var start = 0;
        for (var i = 0; i <= run.Count; i++)
        {
            if (i < run.Count && run[i].Script == Script.Katakana)
            {
                continue;
            }

            var length = i - start;
            if (length >= 4 && run[i - 1].Char == ProlongedSoundMark)
            {
                folded ??= new List<Element>(run);
                folded.Remove(run[i - 1]);
            }

            start = i + 1;
        }

        return folded ?? run;
    }

    /// <summary>The run without okurigana between kanji (申し込み → 申込み), or null when nothing is removed.</summary>
    private static List<Element>? Reduce(List<Element> run)
    {
        List<Element>? reduced = null;
        for (var k = 1; k < run.Count - 1; k++)
        {
            if (run[k].Script == Script.Hiragana && !Particles.Contains(run[k].Char, StringComparison.Ordinal)
                && run[k - 1].Script == Script.Kanji && run[k + 1].Script == Script.Kanji)
            {
                reduced ??= run.Take(k).ToList();
                continue;
            }

            reduced?.Add(run[k]);
        }

        reduced?.Add(run[^1]);
        return reduced;
    }

    private enum Script
    {
        Separator,
        Word,
        Mark,
        Kanji,
        Hiragana,
        Katakana,
        Hangul,
    }

    /// <summary>One character of the normalised text: where it is there, where it came from, and its script.</summary>
    private readonly record struct Element(int Index, int Length, int Start, int End, Script Script, char Char);

    /// <summary>The NFKC, lower-cased text with, for every UTF-16 unit, the span of original text it came from.</summary>
    private sealed class NormalizedText
    {
        private NormalizedText(string text, int[] starts, int[] ends)
        {
            Text = text;
            Starts = starts;
            Ends = ends;
        }

        public string Text { get; }

        public int[] Starts { get; }

        public int[] Ends { get; }

        public static NormalizedText From(string original)
        {
            var text = new StringBuilder(original.Length);
            var starts = new List<int>(original.Length);
            var ends = new List<int>(original.Length);
            var i = 0;
            while (i < original.Length)
            {
                var c = original[i];
                var next = i + 1 < original.Length ? original[i + 1] : '\0';
                if (IsStable(c) && !IsExtender(next))
                {
                    // Fast path for ASCII and common Japanese: NFKC leaves these alone.
                    text.Append(char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
                    starts.Add(i);
                    ends.Add(i + 1);
                    i++;
                    continue;
                }

                int end;
                if (char.IsHighSurrogate(c) && char.IsLowSurrogate(next))
                {
                    end = i + 2;
                }
                else if (char.IsSurrogate(c))
                {
                    // An unpaired surrogate is not text; it separates like a space.
                    Append(text, starts, ends, " ", i, i + 1);
                    i++;
                    continue;
                }
                else
                {
                    end = i + 1;
                }

                // A base character and the marks that follow it normalise together (ｶﾞ → ガ, e + ◌́ → é).
                while (end < original.Length && IsExtender(original[end]))
                {
                    end++;
                }

                var chunk = original[i..end];
                var normalized = chunk.IsNormalized(NormalizationForm.FormKC) ? chunk : chunk.Normalize(NormalizationForm.FormKC);
                Append(text, starts, ends, normalized.ToLowerInvariant(), i, end);
                i = end;
            }

            return new NormalizedText(text.ToString(), [.. starts], [.. ends]);
        }

        /// <summary>The characters (as runes) with their scripts, in order.</summary>
        public IEnumerable<(Element Element, Script Script)> Elements()
        {
            var i = 0;
            while (i < Text.Length)
            {
                Rune.DecodeFromUtf16(Text.AsSpan(i), out var rune, out var length);
                var script = Classify(rune);
                yield return (new Element(i, length, Starts[i], Ends[i + length - 1], script, Text[i]), script);
                i += length;
            }
        }

        private static void Append(StringBuilder text, List<int> starts, List<int> ends, string normalized, int start, int end)
        {
            text.Append(normalized);
            for (var k = 0; k < normalized.Length; k++)
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        private static bool IsStable(char c) =>
            c < 0x80
            || c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF')
                or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\u30FC' and <= '\u30FE')
                or '\u3001' or '\u3002' or (>= '\u3008' and <= '\u3011');

        private static bool IsExtender(char c) =>
            c is '\uFF9E' or '\uFF9F'
            || (c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c)
                is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }

    /// <summary>One pass over the normalised text, emitting words and CJK runs as they end.</summary>
    private sealed class Tokenizer(NormalizedText text, List<SearchToken> tokens)
    {
        private readonly StringBuilder _word = new();
        private readonly List<Element> _run = [];
        private int _wordRunes;
        private int _wordStart;
        private int _wordEnd;

        public void Run()
        {
            foreach (var (element, script) in text.Elements())
            {
                switch (script)
                {
                    case Script.Mark:
                        // Combining marks that did not compose neither break a word nor join it.
                        break;
                    case Script.Word:
                        FlushRun();
                        AddToWord(element);
                        break;
                    case Script.Kanji or Script.Hiragana or Script.Katakana or Script.Hangul:
                        FlushWord();
                        _run.Add(element);
                        break;
                    default:
                        FlushWord();
                        FlushRun();
                        break;
                }
            }

            FlushWord();
            FlushRun();
        }

        private void AddToWord(Element element)
        {
            if (_wordRunes == 0)
            {
                _wordStart = element.Start;
            }

            if (_wordRunes < SearchLimits.MaxWordLength)
            {
                _word.Append(text.Text, element.Index, element.Length);
                _wordEnd = element.End;
            }

            _wordRunes++;
        }

        private void FlushWord()
        {
            if (_wordRunes == 0)
            {
                return;
            }

            Emit(_word.ToString(), SearchTokenKind.Word, _wordStart, _wordEnd, _wordEnd);
            _word.Clear();
            _wordRunes = 0;
        }

        private void FlushRun()
        {
            if (_run.Count == 0)
            {
                return;
            }

            var run = FoldKatakana(_run);
            if (run.Count == 1)
            {
                Emit(Single(run[0]), SearchTokenKind.Unigram, run[0].Start, run[0].End, run[0].End);
            }
            else
            {
                if (Reduce(run) is { Count: >= 2 } reduced)
                {
                    EmitBigrams(reduced, SearchTokenKind.Variant);
                }

                EmitBigrams(run, SearchTokenKind.Bigram);
                var last = run[^1];
                Emit(Single(last), SearchTokenKind.RunEnd, last.Start, last.End, last.End);
            }

            _run.Clear();
        }

        private void EmitBigrams(List<Element> run, SearchTokenKind kind)
        {
            for (var i = 0; i + 1 < run.Count; i++)
            {
                var (first, second) = (run[i], run[i + 1]);
                var bigram = string.Concat(text.Text.AsSpan(first.Index, first.Length), text.Text.AsSpan(second.Index, second.Length));
                Emit(bigram, kind, first.Start, Math.Max(first.End, second.End), first.End);
            }
        }

        private string Single(Element element) => text.Text.Substring(element.Index, element.Length);

        private void Emit(string value, SearchTokenKind kind, int start, int end, int firstEnd) =>
            tokens.Add(new SearchToken(value, kind, tokens.Count, start, end, firstEnd));
    }
}
