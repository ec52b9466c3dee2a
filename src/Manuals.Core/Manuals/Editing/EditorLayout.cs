using System.Text;
using Manuals.Core.Templates;
using Markdig.Syntax;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// The step editor's view of a manual: the text before the first heading, then one labelled block per heading (the
/// manual's own, in its order, with the template's sections it lacks placed where the template has them), and in the
/// 手順 block its steps as cards. <see cref="Compose"/> writes what the fields posted back into Markdown: a field left
/// as shown keeps its Markdown byte for byte, so opening a manual and saving it unchanged changes nothing, and an edited
/// field is written as conventional Markdown in its place.
/// </summary>
/// <remarks>
/// The layout is cut from the Markdown by <see cref="ManualOutline"/>, so <see cref="Compose"/> needs only the Markdown
/// the page was made from and the posted fields — not the template, which may have changed meanwhile. The steps block
/// is the first level-2 「手順…」 section: its first ordered list becomes the cards; with no list at all it starts with
/// none and the writer adds them; with a checklist (or another list) and no ordered list it stays text.
/// </remarks>
public sealed record EditorLayout(EditorText Lead, IReadOnlyList<EditorBlock> Blocks)
{
    /// <summary>The text before the first heading as parts: text fields, callout boxes and screenshots.</summary>
    public EditorContent LeadContent => EditorContent.Split(Lead.Shown);

    /// <summary>The editor's blocks for <paramref name="markdown"/>, with <paramref name="template"/>'s sections, required marks and hints.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static EditorLayout Build(string markdown, StepTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sections = template?.ListSections() ?? [];
        var byKey = sections.ToDictionary(s => ManualSections.NormalizeHeading(s.Name), StringComparer.Ordinal);
        var exampleSteps = template is null ? [] : ExampleSteps(template.Body);

        var outline = ManualOutline.Parse(markdown);
        var blocks = new List<EditorBlock>();
        var stepsTaken = false;
        foreach (var part in outline.Parts)
        {
            var key = ManualSections.NormalizeHeading(part.Title);
            var section = part.Level == 2 ? byKey.GetValueOrDefault(key) : null;
            var steps = StepsOf(markdown, part, ref stepsTaken);
            var text = EditorText.From(steps?.Before ?? part.Body, section?.Placeholder);
            var cards = steps?.Cards()
                .Select((card, i) => exampleSteps.Contains(card)
                    ? new EditorCard(i, "", EditorContent.Empty, IsHint: true, card.Title, card.Text)
                    : new EditorCard(i, card.Title, EditorContent.Split(EditorText.Normalize(card.Text)), IsHint: false, "", ""))
                .ToList();
            blocks.Add(new EditorBlock(
                part.Title,
                part.Level,
                section?.Required ?? false,
                section is not null,
                IsAdded: false,
                text,
                cards is null ? null : new EditorSteps(cards, EditorText.From(steps!.After, null))));
        }

        AddMissingSections(blocks, sections, stepsTaken);
        return new EditorLayout(EditorText.From(outline.Lead, null), blocks);
    }

    /// <summary>
    /// The Markdown the fields make from <paramref name="markdown"/> (the Markdown the page was made from), or null when
    /// the posted blocks do not fit its headings (a page made from other text, or a tampered form).
    /// </summary>
    /// <param name="markdown">The Markdown the page was made from.</param>
    /// <param name="input">What the fields posted.</param>
    /// <param name="leaveOutHints">
    /// For a manual not saved yet: a section still showing only the template's hint is left out (heading and hint), and
    /// so is an example step left untouched — the writer saw empty fields, and the manual shows nothing for them. A
    /// saved manual keeps whatever it has, so that saving it unchanged changes nothing.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string? Compose(string markdown, EditorInput input, bool leaveOutHints = false)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(input);
        var outline = ManualOutline.Parse(markdown);
        var writer = new Writer();
        if (input.LeadParts is null)
        {
            writer.Text(outline.Lead, input.Lead, hinted: false);
        }
        else
        {
            writer.Content(outline.Lead, EditorContent.Create(input.LeadParts), hinted: false);
        }

        var next = 0;
        var stepsTaken = false;
        foreach (var block in input.Blocks)
        {
            if (block.AddedName is not null)
            {
                writer.Added(block);
                continue;
            }

            if (next >= outline.Parts.Count)
            {
                return null;
            }

            var part = outline.Parts[next++];
            var steps = StepsOf(markdown, part, ref stepsTaken);
            if ((steps is null) != (block.Cards is null))
            {
                return null;
            }

            if (steps is null)
            {
                var content = block.Content();
                if (!(leaveOutHints && block.Hinted && content.Parts.Count == 0))
                {
                    writer.Heading(part.HeadingText);
                    writer.Content(part.Body, content, block.Hinted);
                }

                continue;
            }

            var empty = EditorText.Normalize(block.Text).Length == 0;
            var cards = Cards(steps.Cards(), block.Cards!, leaveOutHints);
            if (leaveOutHints && empty && cards.Count == 0 && EditorText.Normalize(block.After).Length == 0)
            {
                continue;
            }

            writer.Heading(part.HeadingText);
            writer.Text(steps.Before, block.Text, block.Hinted);
            var edited = steps.WithCards(cards);
            writer.Items(edited.Items, changed: !ReferenceEquals(edited, steps), hadItems: steps.Items.Count > 0);
            writer.Text(steps.After, block.After, hinted: false);
        }

        if (next != outline.Parts.Count)
        {
            return null;
        }

        // A new manual has no bytes to keep: sections left out leave no blank lines behind at its end.
        var composed = writer.ToString();
        return leaveOutHints && composed.EndsWith("\n\n", StringComparison.Ordinal) ? composed.TrimEnd('\n') + "\n" : composed;
    }

    /// <summary>
    /// The cards as posted, in their new order: a card still showing its step as it was is that step (so its Markdown is
    /// kept); an emptied card is dropped, and so is the template's example left untouched when hints are left out.
    /// </summary>
    private static List<StepCard> Cards(IReadOnlyList<StepCard> original, IReadOnlyList<EditorCardInput> posted, bool leaveOutHints = false)
    {
        var cards = new List<StepCard>(posted.Count);
        foreach (var input in posted)
        {
            var title = SingleLine(input.Title);
            var content = input.Content();
            var text = content.Join();
            if (input.Origin >= 0 && input.Origin < original.Count)
            {
                var was = original[input.Origin];
                if (input.Hinted && title.Length == 0 && text.Length == 0)
                {
                    if (!leaveOutHints)
                    {
                        cards.Add(was);
                    }

                    continue;
                }

                if (title == was.Title.Trim() && content.IsSameAs(EditorContent.Split(EditorText.Normalize(was.Text))))
                {
                    cards.Add(was);
                    continue;
                }
            }

            if (title.Length > 0 || text.Length > 0)
            {
                cards.Add(new StepCard(title, text));
            }
        }

        return cards;
    }

    /// <summary>The steps of <paramref name="part"/> when it is the first 手順 section, cut as the cards show them.</summary>
    private static OutlineSteps? StepsOf(string markdown, OutlinePart part, ref bool taken)
    {
        if (taken || part.Level != 2 || !part.Title.StartsWith(ManualSteps.SectionHeading, StringComparison.Ordinal))
        {
            return null;
        }

        taken = true;
        if (part.Steps is not null)
        {
            return part.Steps;
        }

        // No ordered list: cards start empty when the section has no list at all; a checklist stays text.
        var document = MarkdownLimits.TryParse(part.Body, ManualSections.Pipeline);
        return document is null || document.OfType<ListBlock>().Any() ? null : new OutlineSteps(part.Body, [], "");
    }

    private static HashSet<StepCard> ExampleSteps(string skeleton) =>
        ManualOutline.Parse(skeleton).Parts.FirstOrDefault(p => p.Steps is not null)?.Steps!.Cards().ToHashSet() ?? [];

    /// <summary>Places each template section the manual lacks after the nearest earlier template section it has.</summary>
    private static void AddMissingSections(List<EditorBlock> blocks, IReadOnlyList<TemplateSection> sections, bool stepsTaken)
    {
        var present = blocks.Where(b => b.IsTemplateSection).Select(b => ManualSections.NormalizeHeading(b.Name)).ToHashSet(StringComparer.Ordinal);
        var insertAt = 0;
        foreach (var section in sections)
        {
            var key = ManualSections.NormalizeHeading(section.Name);
            if (present.Contains(key))
            {
                insertAt = blocks.FindLastIndex(b => b.IsTemplateSection && ManualSections.NormalizeHeading(b.Name) == key) + 1;
                continue;
            }

            var isSteps = !stepsTaken && section.Name.StartsWith(ManualSteps.SectionHeading, StringComparison.Ordinal);
            stepsTaken |= isSteps;
            var text = new EditorText("", "", string.IsNullOrWhiteSpace(section.Placeholder) ? null : section.Placeholder.Trim());
            blocks.Insert(insertAt++, new EditorBlock(
                section.Name, 2, section.Required, IsTemplateSection: true, IsAdded: true, text,
                isSteps ? new EditorSteps([], EditorText.Empty) : null));
        }
    }

    private static string SingleLine(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();

    /// <summary>
    /// Writes the Markdown piece by piece. Pieces left as shown go in as they were; an edited piece goes in as
    /// conventional Markdown, with a blank line before it and before whatever follows it.
    /// </summary>
    private sealed class Writer
    {
        private readonly StringBuilder _markdown = new();
        private bool _blankLineOwed;

        public void Heading(string heading)
        {
            EndLine();
            Raw(heading);
        }

        public void Text(string raw, string? posted, bool hinted)
        {
            var text = EditorText.Normalize(posted);
            Piece(raw, text, EditorText.From(raw, null).IsUnchanged(text, hinted));
        }

        /// <summary>A block's text: kept as written while its parts are what it showed.</summary>
        public void Content(string raw, EditorContent posted, bool hinted)
        {
            var unchanged = posted.IsSameAs(EditorContent.Split(EditorText.Trim(raw))) || (hinted && posted.Parts.Count == 0);
            Piece(raw, posted.Join(), unchanged);
        }

        private void Piece(string raw, string text, bool unchanged)
        {
            if (unchanged)
            {
                Raw(raw);
                return;
            }

            EndLine();
            if (text.Length == 0)
            {
                // Emptied: one blank line keeps the heading apart from the next one.
                _markdown.Append('\n');
                return;
            }

            if (_markdown.Length > 0)
            {
                _markdown.Append('\n');
            }

            _markdown.Append(text).Append('\n');
            _blankLineOwed = true;
        }

        public void Items(IReadOnlyList<string> items, bool changed, bool hadItems)
        {
            var markdown = string.Concat(items);
            if (!changed)
            {
                Raw(markdown);
                return;
            }

            if (markdown.Length == 0)
            {
                return;
            }

            EndLine();
            if (_blankLineOwed || (!hadItems && _markdown.Length > 0 && !EndsWithBlankLine()))
            {
                _markdown.Append('\n');
            }

            _blankLineOwed = false;
            _markdown.Append(markdown);
        }

        /// <summary>A template section the manual did not have: written, heading first, only when it got text or steps.</summary>
        public void Added(EditorBlockInput block)
        {
            var name = SingleLine(block.AddedName);
            var text = block.Cards is null ? block.Content().Join() : EditorText.Normalize(block.Text);
            var cards = block.Cards is null ? [] : Cards([], block.Cards);
            var after = EditorText.Normalize(block.After);
            if (name.Length == 0 || (text.Length == 0 && cards.Count == 0 && after.Length == 0))
            {
                return;
            }

            EndLine();
            if (_markdown.Length > 0 && !EndsWithBlankLine())
            {
                _markdown.Append('\n');
            }

            _markdown.Append("## ").Append(name).Append('\n');
            _blankLineOwed = false;
            Text("", text, hinted: false);
            Items(new OutlineSteps("", [], "").WithCards(cards).Items, changed: true, hadItems: false);
            Text("", after, hinted: false);
            _blankLineOwed = true;
        }

        public override string ToString() => _markdown.ToString();

        private void Raw(string raw)
        {
            if (raw.Length == 0)
            {
                return;
            }

            if (_blankLineOwed && raw[0] != '\n')
            {
                _markdown.Append('\n');
            }

            _blankLineOwed = false;
            _markdown.Append(raw);
        }

        /// <summary>Ends the last line (the Markdown may end without a line break).</summary>
        private void EndLine()
        {
            if (_markdown.Length > 0 && _markdown[^1] != '\n')
            {
                _markdown.Append('\n');
            }
        }

        private bool EndsWithBlankLine() => _markdown.Length >= 2 && _markdown[^1] == '\n' && _markdown[^2] == '\n';
    }
}
