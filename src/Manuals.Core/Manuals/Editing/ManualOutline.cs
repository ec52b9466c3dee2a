using Manuals.Core.Templates;
using Markdig.Syntax;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// A manual's Markdown cut into the pieces the step editor shows as fields: the text before the first heading, then one
/// part per level-1 or level-2 heading (its heading line and the text under it), and in the 手順 part each step of its
/// first ordered list. The pieces are the Markdown's own text, cut and never rewritten: <see cref="ToMarkdown"/> joins
/// them back into the same string, byte for byte, whatever the Markdown holds.
/// </summary>
/// <remarks>
/// Headings are found as the renderer finds them (<see cref="ManualSections"/>): a <c>## </c> line inside a code
/// block, a quote, a list or a callout is text, a setext heading is a heading. Steps are found as
/// <see cref="ManualSteps"/> finds the ordered kind: the top-level items of the first ordered list standing directly in
/// the first section whose heading starts with 「手順」. A checklist-type 手順 (task lists) has no <see cref="OutlinePart.Steps"/>:
/// the editor shows it as text.
/// </remarks>
public sealed record ManualOutline(string Lead, IReadOnlyList<OutlinePart> Parts)
{
    /// <summary>Cuts <paramref name="markdown"/> into its parts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static ManualOutline Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // Text nested too deeply for Markdig is one lead the editor keeps as it is (validators refuse it anyway).
        var document = MarkdownLimits.TryParse(markdown, ManualSections.Pipeline);
        if (document is null)
        {
            return new ManualOutline(markdown, []);
        }

        var headings = document.OfType<HeadingBlock>().Where(h => h.Level <= 2).ToList();
        var starts = headings.Select(h => LineStart(markdown, h.Span.Start)).ToList();
        var parts = new List<OutlinePart>(headings.Count);
        var stepsFound = false;
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var bodyStart = LineEnd(markdown, heading.Span.End);
            var end = i + 1 < headings.Count ? starts[i + 1] : markdown.Length;
            var title = ManualSteps.InlineText(heading.Inline).Trim();
            OutlineSteps? steps = null;
            if (!stepsFound && heading.Level == 2 && title.StartsWith(ManualSteps.SectionHeading, StringComparison.Ordinal))
            {
                stepsFound = true;
                steps = FindSteps(markdown, document, bodyStart, end);
            }

            parts.Add(new OutlinePart(heading.Level, title, markdown[starts[i]..bodyStart], markdown[bodyStart..end], steps));
        }

        return new ManualOutline(markdown[..(starts.Count > 0 ? starts[0] : markdown.Length)], parts);
    }

    /// <summary>The Markdown the parts were cut from (or, after edits, the one they now make).</summary>
    public string ToMarkdown() => Lead + string.Concat(Parts.Select(p => p.ToMarkdown()));

    /// <summary>The steps of the first top-level ordered list between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static OutlineSteps? FindSteps(string markdown, MarkdownDocument document, int start, int end)
    {
        var list = document.OfType<ListBlock>().FirstOrDefault(l => l.IsOrdered && l.Span.Start >= start && l.Span.Start < end);
        if (list is null)
        {
            return null;
        }

        var items = list.OfType<ListItemBlock>().ToList();
        var itemStarts = items.Select(item => LineStart(markdown, item.Span.Start)).ToList();
        // The last item ends with its last line; blank lines after it belong to what follows the list.
        var listEnd = Math.Min(LineEnd(markdown, items[^1].Span.End), end);
        while (listEnd > itemStarts[^1] && LineStart(markdown, listEnd - 1) is var lineStart && lineStart > itemStarts[^1]
            && string.IsNullOrWhiteSpace(markdown[lineStart..listEnd]))
        {
            listEnd = lineStart;
        }

        var texts = items.Select((_, i) => markdown[itemStarts[i]..(i + 1 < items.Count ? itemStarts[i + 1] : listEnd)]).ToList();
        return new OutlineSteps(markdown[start..itemStarts[0]], texts, markdown[listEnd..end]);
    }

    /// <summary>The index where the line holding <paramref name="index"/> starts.</summary>
    private static int LineStart(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        return index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
    }

    /// <summary>The index just after the line ending that ends the line holding <paramref name="index"/> (or the text's end).</summary>
    private static int LineEnd(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }
}
