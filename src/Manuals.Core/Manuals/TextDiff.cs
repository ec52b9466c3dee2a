using System.Globalization;
using DiffPlex;
using DiffPlex.Model;

namespace Manuals.Core.Manuals;

/// <summary>
/// Compares two versions of a text line by line, with character-level detail for modified lines.
/// </summary>
public static class TextDiff
{
    // Differ keeps no state between calls, so one instance can be shared.
    private static readonly Differ Differ = new();

    /// <summary>
    /// Compares two texts line by line.
    /// </summary>
    /// <param name="oldText">The previous version.</param>
    /// <param name="newText">The current version.</param>
    /// <returns>
    /// The lines of both texts in display order. Within a changed block, removed lines are paired with
    /// added lines in order as <see cref="DiffLineKind.Modified"/>; any surplus is reported as
    /// <see cref="DiffLineKind.Removed"/> and then <see cref="DiffLineKind.Added"/> lines.
    /// Line endings (CRLF, CR, LF) are not treated as differences, and a final line break does not
    /// start an extra empty line.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="oldText"/> or <paramref name="newText"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);

        var result = Differ.CreateCustomDiffs(
            NormalizeLineEndings(oldText),
            NormalizeLineEndings(newText),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            SplitLines);

        // DiffPlex's pieces are the lines the block indexes refer to (an empty text has none).
        string[] oldLines = [.. result.PiecesOld];
        string[] newLines = [.. result.PiecesNew];
        var lines = new List<DiffLine>(Math.Max(oldLines.Length, newLines.Length));
        var oldIndex = 0;
        var newIndex = 0;

        foreach (var block in result.DiffBlocks)
        {
            // Between blocks both texts are identical, so both sides advance together.
            while (oldIndex < block.DeleteStartA && newIndex < block.InsertStartB)
            {
                lines.Add(Unchanged(oldLines[oldIndex], oldIndex, newIndex));
                oldIndex++;
                newIndex++;
            }

            var pairs = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < pairs; i++)
            {
                lines.Add(Modified(oldLines, block.DeleteStartA + i, newLines, block.InsertStartB + i));
            }

            for (var i = pairs; i < block.DeleteCountA; i++)
            {
                var index = block.DeleteStartA + i;
                lines.Add(new DiffLine(index + 1, null, DiffLineKind.Removed, WholeLine(oldLines[index], changed: true), []));
            }

            for (var i = pairs; i < block.InsertCountB; i++)
            {
                var index = block.InsertStartB + i;
                lines.Add(new DiffLine(null, index + 1, DiffLineKind.Added, [], WholeLine(newLines[index], changed: true)));
            }

            oldIndex = block.DeleteStartA + block.DeleteCountA;
            newIndex = block.InsertStartB + block.InsertCountB;
        }

        while (oldIndex < oldLines.Length && newIndex < newLines.Length)
        {
            lines.Add(Unchanged(oldLines[oldIndex], oldIndex, newIndex));
            oldIndex++;
            newIndex++;
        }

        return lines;
    }

    private static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string[] SplitLines(string text)
    {
        // A trailing line break terminates the last line rather than starting an empty one,
        // so "a\n" and "a" compare equal.
        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n');
    }

    /// <summary>
    /// Splits a line into user-perceived characters so that surrogate pairs (e.g. 𠮷) and combining
    /// marks are never cut in half in a segment.
    /// </summary>
    private static string[] SplitTextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return [.. elements];
    }

    private static DiffLine Unchanged(string text, int oldIndex, int newIndex)
    {
        var segments = WholeLine(text, changed: false);
        return new DiffLine(oldIndex + 1, newIndex + 1, DiffLineKind.Unchanged, segments, segments);
    }

    private static DiffLine Modified(string[] oldLines, int oldIndex, string[] newLines, int newIndex)
    {
        // Character-level comparison rather than words: Japanese has no spaces between words,
        // so a word diff would mark the whole sentence as changed.
        var result = Differ.CreateCustomDiffs(
            oldLines[oldIndex],
            newLines[newIndex],
            ignoreWhiteSpace: false,
            ignoreCase: false,
            SplitTextElements);

        var oldChanged = new bool[result.PiecesOld.Count];
        var newChanged = new bool[result.PiecesNew.Count];
        foreach (var block in result.DiffBlocks)
        {
            Array.Fill(oldChanged, true, block.DeleteStartA, block.DeleteCountA);
            Array.Fill(newChanged, true, block.InsertStartB, block.InsertCountB);
        }

        // Two unrelated sentences share a few common characters (に, す。); marking those as "kept" reads as noise,
        // so a pair with less than half of the longer line in common is shown as replaced whole.
        var kept = newChanged.Count(changed => !changed);
        if (kept * 2 < Math.Max(oldChanged.Length, newChanged.Length))
        {
            return new DiffLine(
                oldIndex + 1,
                newIndex + 1,
                DiffLineKind.Modified,
                WholeLine(oldLines[oldIndex], changed: true),
                WholeLine(newLines[newIndex], changed: true));
        }

        return new DiffLine(
            oldIndex + 1,
            newIndex + 1,
            DiffLineKind.Modified,
            ToSegments([.. result.PiecesOld], oldChanged),
            ToSegments([.. result.PiecesNew], newChanged));
    }

    private static DiffSegment[] WholeLine(string text, bool changed) =>
        text.Length == 0 ? [] : [new DiffSegment(text, changed)];

    private static DiffSegment[] ToSegments(string[] pieces, bool[] changed)
    {
        // Merge neighbouring characters with the same state into one run.
        var segments = new List<DiffSegment>();
        var start = 0;
        for (var i = 1; i <= pieces.Length; i++)
        {
            if (i == pieces.Length || changed[i] != changed[start])
            {
                segments.Add(new DiffSegment(string.Concat(pieces.AsSpan(start, i - start)), changed[start]));
                start = i;
            }
        }

        return [.. segments];
    }
}
