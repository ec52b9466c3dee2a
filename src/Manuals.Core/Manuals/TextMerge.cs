using DiffPlex;

namespace Manuals.Core.Manuals;

/// <summary>
/// Three-way line merge (diff3 style) of two texts that were both edited from a common base: what each side changed
/// is taken from the base, so one side's addition is kept as an addition, not read as the other side's deletion.
/// </summary>
public static class TextMerge
{
    // Differ keeps no state between calls, so one instance can be shared.
    private static readonly Differ Differ = new();

    /// <summary>
    /// Merges <paramref name="theirs"/> and <paramref name="mine"/>, both edited from <paramref name="baseText"/>.
    /// </summary>
    /// <returns>
    /// The merged text and the places both sides changed differently. Changes merge on their own when they touch
    /// different lines; changes to the same lines, insertions at the same place, and an insertion right beside the
    /// other side's change are conflicts (the order or the meaning cannot be decided safely), unless both sides made
    /// the same change. At a conflict the merged text holds <paramref name="mine"/>'s version, so the writer's text is
    /// never dropped; the conflict carries both versions for the writer to decide. Line endings are normalised to LF.
    /// </returns>
    /// <exception cref="ArgumentNullException">A text is <see langword="null"/>.</exception>
    public static TextMergeResult Merge(string baseText, string theirs, string mine)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);

        var baseLines = Lines(baseText);
        var hunks = Hunks(baseText, theirs, isMine: false)
            .Concat(Hunks(baseText, mine, isMine: true))
            .OrderBy(h => h.Start)
            .ThenBy(h => h.End)
            .ToList();

        var merged = new List<string>(baseLines.Length);
        var conflicts = new List<TextMergeConflict>();
        var position = 0;
        var index = 0;
        while (index < hunks.Count)
        {
            // A group is a run of hunks that touch each other; a group with hunks from both sides needs a decision.
            var group = new List<Hunk> { hunks[index] };
            var low = hunks[index].Start;
            var high = hunks[index].End;
            index++;
            while (index < hunks.Count && Touches(low, high, hunks[index]))
            {
                group.Add(hunks[index]);
                high = Math.Max(high, hunks[index].End);
                index++;
            }

            merged.AddRange(baseLines[position..low]);
            var theirPart = Apply(baseLines, low, high, group.Where(h => !h.IsMine));
            var myPart = Apply(baseLines, low, high, group.Where(h => h.IsMine));
            if (group.All(h => h.IsMine) || theirPart.SequenceEqual(myPart, StringComparer.Ordinal))
            {
                merged.AddRange(myPart);
            }
            else if (group.All(h => !h.IsMine))
            {
                merged.AddRange(theirPart);
            }
            else
            {
                conflicts.Add(new TextMergeConflict(
                    merged.Count + 1, Join(baseLines[low..high]), Join(theirPart), Join(myPart)));
                merged.AddRange(myPart);
            }

            position = high;
        }

        merged.AddRange(baseLines[position..]);
        var text = Join(merged);
        return new TextMergeResult(text.Length > 0 && EndsWithLineBreak(baseText, theirs, mine) ? text + "\n" : text, conflicts);
    }

    /// <summary>
    /// Whether hunk <paramref name="next"/> (starting at or after <paramref name="low"/>) must be decided together with
    /// the group spanning base lines [<paramref name="low"/>, <paramref name="high"/>): the two overlap, or one is an
    /// insertion that sits at the other's edge. Two changes of neighbouring lines do not touch.
    /// </summary>
    private static bool Touches(int low, int high, Hunk next)
    {
        var insertion = low == high || next.Start == next.End;
        return insertion ? next.Start <= high && low <= next.End : next.Start < high;
    }

    private static List<string> Apply(string[] baseLines, int low, int high, IEnumerable<Hunk> hunks)
    {
        var result = new List<string>();
        var position = low;
        foreach (var hunk in hunks.OrderBy(h => h.Start))
        {
            result.AddRange(baseLines[position..hunk.Start]);
            result.AddRange(hunk.Lines);
            position = hunk.End;
        }

        result.AddRange(baseLines[position..high]);
        return result;
    }

    private static List<Hunk> Hunks(string baseText, string changed, bool isMine)
    {
        var result = Differ.CreateCustomDiffs(
            Normalize(baseText), Normalize(changed), ignoreWhiteSpace: false, ignoreCase: false, SplitLines);
        string[] newLines = [.. result.PiecesNew];
        return result.DiffBlocks
            .Select(block => new Hunk(
                block.DeleteStartA,
                block.DeleteStartA + block.DeleteCountA,
                newLines[block.InsertStartB..(block.InsertStartB + block.InsertCountB)],
                isMine))
            .ToList();
    }

    /// <summary>A final line break is kept as the writer has it, unless only the other side changed it.</summary>
    private static bool EndsWithLineBreak(string baseText, string theirs, string mine)
    {
        var inBase = Normalize(baseText).EndsWith('\n');
        var inMine = Normalize(mine).EndsWith('\n');
        return inBase == inMine ? Normalize(theirs).EndsWith('\n') : inMine;
    }

    private static string[] Lines(string text) => SplitLines(Normalize(text));

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string[] SplitLines(string text)
    {
        // An empty text has no lines; a trailing line break ends the last line rather than starting an empty one.
        if (text.Length == 0)
        {
            return [];
        }

        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n');
    }

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>One side's change: base lines [Start, End) replaced by <see cref="Lines"/>.</summary>
    private sealed record Hunk(int Start, int End, string[] Lines, bool IsMine);
}
