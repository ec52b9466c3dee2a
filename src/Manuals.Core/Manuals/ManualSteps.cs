using System.Globalization;
using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Manuals.Core.Manuals;

/// <summary>
/// Where a manual's steps are in its Markdown, and how they are marked for the step cards.
/// </summary>
/// <remarks>
/// <para>
/// The steps are the top-level items of the first ordered list (<c>1. …</c>) in the section whose level-2 heading
/// is 「手順」 or starts with it (「手順（画面操作）」); the section ends at the next level-1 or level-2 heading. Only the
/// first such section counts, and only lists standing directly in it (not inside a callout or a quote).
/// </para>
/// <para>
/// Checklist-type manuals write their 手順 as task lists (<c>- [ ] …</c>) and usually have no ordered list. Then the
/// steps are the top-level task items of every bullet list in the section, in order, so a new hire can still go
/// through the checklist one item at a time; each keeps the bold-only line or sub-heading it stands under as its
/// <see cref="ManualStep.Group"/>. Plain bullet items (without a box) are not steps.
/// </para>
/// <para>A manual without a 手順 section, or whose section has neither kind of list, has no steps.</para>
/// </remarks>
public static class ManualSteps
{
    /// <summary>The heading text (after trimming) that starts the steps section.</summary>
    public const string SectionHeading = "手順";

    /// <summary>Longest <see cref="ManualStep.Title"/>, in characters as a reader counts them; longer ones end in 「…」.</summary>
    public const int TitleMaxLength = 40;

    /// <summary>Class of the ordered list that holds the steps (rendered as step cards).</summary>
    internal const string ListClass = "steps";

    /// <summary>Class of every step item.</summary>
    internal const string ItemClass = "step";

    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?'];

    /// <summary>The step items of a parsed manual, in reading order; empty when it has none.</summary>
    internal static IReadOnlyList<FoundStep> Find(MarkdownDocument document)
    {
        var section = StepsSection(document);
        if (section.Count == 0)
        {
            return [];
        }

        if (section.OfType<ListBlock>().FirstOrDefault(list => list.IsOrdered) is { } ordered)
        {
            return ordered.OfType<ListItemBlock>().Select(item => new FoundStep(item, ordered, null)).ToList();
        }

        var steps = new List<FoundStep>();
        string? group = null;
        foreach (var block in section)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    group = NullIfEmpty(InlineText(heading.Inline));
                    break;
                case ParagraphBlock paragraph when IsBoldOnly(paragraph):
                    group = NullIfEmpty(InlineText(paragraph.Inline));
                    break;
                case ListBlock { IsOrdered: false } list:
                    steps.AddRange(list.OfType<ListItemBlock>().Where(IsTaskItem).Select(item => new FoundStep(item, list, group)));
                    break;
                default:
                    break;
            }
        }

        return steps;
    }

    /// <summary>
    /// Gives the steps their classes and <c>step-N</c> ids so the HTML shows numbered cards that links can target.
    /// Runs as part of parsing (the pipeline's DocumentProcessed), so every rendering of a manual gets them.
    /// </summary>
    internal static void Mark(MarkdownDocument document)
    {
        var number = 0;
        foreach (var step in Find(document))
        {
            number++;
            if (step.List.IsOrdered)
            {
                // Adding the class once per item is harmless: HtmlAttributes.AddClass ignores duplicates.
                step.List.GetAttributes().AddClass(ListClass);
            }

            var attributes = step.Item.GetAttributes();
            attributes.Id = "step-" + number.ToString(CultureInfo.InvariantCulture);
            attributes.AddClass(ItemClass);
        }
    }

    /// <summary>The plain-text title of a step item (see <see cref="ManualStep.Title"/>).</summary>
    internal static string Title(ListItemBlock item)
    {
        if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inlines })
        {
            return "";
        }

        var lead = inlines.FirstOrDefault(inline => inline is not TaskList && !IsBlank(inline));
        if (lead is EmphasisInline { DelimiterCount: 2 } strong && NullIfEmpty(InlineText(strong)) is { } bold)
        {
            return Shorten(bold);
        }

        var text = InlineText(inlines).Trim();
        var end = text.IndexOfAny(SentenceEnds);
        return Shorten(end > 0 ? text[..end] : text);
    }

    /// <summary>
    /// Takes the bold title that opens a step item (「**請求締め処理** — 第1営業日の…」) out of the item, with the dash or
    /// line break after it: the step page shows the title as its heading, and the text need not say it again. A title
    /// read from the first sentence stays, being part of the text.
    /// </summary>
    internal static void RemoveBoldTitle(ListItemBlock item)
    {
        if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inlines } paragraph
            || inlines.FirstOrDefault(inline => inline is not TaskList && !IsBlank(inline)) is not EmphasisInline { DelimiterCount: 2 } strong
            || NullIfEmpty(InlineText(strong)) is null)
        {
            return;
        }

        var next = strong.NextSibling;
        strong.Remove();
        if (next is LineBreakInline)
        {
            next.Remove();
        }
        else if (next is LiteralInline literal)
        {
            var rest = literal.Content.ToString();
            var trimmed = rest.TrimStart();
            trimmed = trimmed.StartsWith('—') || trimmed.StartsWith('–') ? trimmed[1..].TrimStart() : trimmed;
            literal.Content = new Markdig.Helpers.StringSlice(trimmed);
        }

        if (inlines.All(IsBlank))
        {
            item.Remove(paragraph);
        }
    }

    /// <summary>The text of inlines without markup; used for headings, titles and alternative text.</summary>
    internal static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is null)
        {
            return "";
        }

        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The top-level blocks between the 手順 heading and the next heading of level 1 or 2.</summary>
    private static List<Block> StepsSection(MarkdownDocument document)
    {
        var section = new List<Block>();
        var inside = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                if (inside)
                {
                    break;
                }

                inside = heading.Level == 2
                    && InlineText(heading.Inline).Trim().StartsWith(SectionHeading, StringComparison.Ordinal);
                continue;
            }

            if (inside)
            {
                section.Add(block);
            }
        }

        return section;
    }

    private static bool IsTaskItem(ListItemBlock item) =>
        item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList };

    /// <summary>A paragraph that is only bold text, like 「**入社日当日**」, used as a label over a checklist.</summary>
    private static bool IsBoldOnly(ParagraphBlock paragraph)
    {
        var parts = paragraph.Inline?.Where(inline => !IsBlank(inline)).ToList() ?? [];
        return parts is [EmphasisInline { DelimiterCount: 2 }];
    }

    private static bool IsBlank(Inline inline) =>
        inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();

    private static string Shorten(string text)
    {
        text = text.Trim();
        var info = new StringInfo(text);
        return info.LengthInTextElements <= TitleMaxLength
            ? text
            : info.SubstringByTextElements(0, TitleMaxLength - 1).TrimEnd() + "…";
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A step item, the list it belongs to and, for checklist items, the label it stands under.</summary>
    internal sealed record FoundStep(ListItemBlock Item, ListBlock List, string? Group);
}
