using System.Text;
using Manuals.Core.Manuals;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Manuals.Core.Templates;

/// <summary>
/// Splits a manual's (or a template's) Markdown into its sections: the level-2 headings of the document and the text
/// under each. Markdown is parsed as the renderer parses it, so a <c>## </c> line inside a fenced or indented code
/// block, a quote, a list or a <c>:::note</c> callout is not a section, while a setext heading (a line underlined with
/// <c>---</c>) is, exactly as readers see it. <c>###</c> sub-headings belong to the section above them.
/// </summary>
public static class ManualSections
{
    // Only the block structure matters here. These are the block-level extensions of MarkdownRenderer's pipeline:
    // raw HTML blocks off (so "<div>" cannot swallow a heading) and callout containers (so a heading inside one is nested).
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        .DisableHtml()
        .Build();

    /// <summary>The level-2 sections in document order. Text before the first one, and after a level-1 heading, belongs to none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static IReadOnlyList<ManualSection> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // Text nested too deeply for Markdig has no sections it can read (validators refuse it; see MarkdownLimits).
        var document = MarkdownLimits.TryParse(markdown, Pipeline);
        if (document is null)
        {
            return [];
        }

        var headings = document.OfType<HeadingBlock>().Where(h => h.Level <= 2).ToList();
        var sections = new List<ManualSection>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (heading.Level != 2)
            {
                continue;
            }

            var start = Math.Min(heading.Span.End + 1, markdown.Length);
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            var text = HeadingText(heading);
            sections.Add(new ManualSection(text, NormalizeHeading(text), markdown[start..Math.Max(start, end)]));
        }

        return sections;
    }

    /// <summary>
    /// The form headings are matched in: trimmed, Unicode NFKC (full-width brackets and letters become half-width,
    /// half-width katakana full-width) and inner runs of spaces reduced to one. 「ノウハウ（コツ）」 = 「ノウハウ(コツ)」.
    /// </summary>
    public static string NormalizeHeading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var normalized = heading.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The form section contents are compared in: NFKC, each line trimmed, blank lines dropped. Two contents that
    /// differ only in indentation, blank lines, line endings or character width are the same.
    /// </summary>
    public static string NormalizeContent(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Normalize(NormalizationForm.FormKC)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static string HeadingText(HeadingBlock heading) => ManualSteps.InlineText(heading.Inline).Trim();
}
