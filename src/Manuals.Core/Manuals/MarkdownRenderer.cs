using System.Text;
using Manuals.Core.Images;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Manuals.Core.Manuals;

/// <summary>
/// Converts manual bodies written in Markdown into HTML that is safe to embed in a page,
/// and into plain text for search and snippets.
/// </summary>
/// <remarks>
/// Manual authors are trusted to edit content but not to run script in readers' browsers, so the
/// pipeline never passes raw HTML through, only lets links use http, https, mailto or relative URLs,
/// and only shows images hosted on this site. The class is stateless and safe to share between threads.
/// </remarks>
public sealed class MarkdownRenderer
{
    // Building a Markdig pipeline is comparatively expensive, and a built pipeline is thread-safe,
    // so one instance serves every renderer and every call.
    private static readonly MarkdownPipeline SharedPipeline = BuildPipeline();

    /// <summary>The pipeline every call uses, for <see cref="MarkdownLimits"/> to parse exactly as pages do.</summary>
    internal static MarkdownPipeline Pipeline => SharedPipeline;

    // Held per instance (rather than used statically) so callers depend on an injectable renderer
    // object; every instance still points at the shared pipeline.
    private readonly MarkdownPipeline _pipeline = SharedPipeline;

    /// <summary>
    /// Renders Markdown to sanitised HTML.
    /// </summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <returns>
    /// HTML in which raw HTML from the source appears as text, unsafe link targets are replaced by
    /// <c>#</c>, and off-site images are reduced to their alternative text.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public string ToHtml(string markdown) => ToHtml(markdown, CalloutLabels.Japanese);

    /// <summary>Renders Markdown to sanitised HTML with callout labels in the reader's language.</summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <param name="labels">The words shown at the top of <c>:::note</c>, <c>:::warning</c> and <c>:::tip</c> boxes.</param>
    /// <remarks>
    /// The steps of the 手順 section (see <see cref="ManualSteps"/>) come out as step cards: their list has the class
    /// <c>steps</c> and each step item the class <c>step</c> and the id <c>step-N</c>, numbered from 1.
    /// </remarks>
    /// <param name="pictures">
    /// The sizes of the stored pictures the text shows, by SHA-256 (<see cref="IImageStore.ListSizesAsync"/>): those
    /// pictures get <c>width</c>, <c>height</c> and <c>srcset</c>. Pictures not in it are shown at their one size.
    /// </param>
    public string ToHtml(string markdown, CalloutLabels labels, IReadOnlyDictionary<string, PictureSize>? pictures = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(labels);
        var document = MarkdownLimits.TryParse(markdown, _pipeline);
        if (document is null)
        {
            return Unreadable(markdown, labels);
        }

        SizePictures(document, pictures);
        try
        {
            return Render(labels, renderer => renderer.Render(document));
        }
        catch (ArgumentException)
        {
            // Markdig checks the depth while rendering too; text stored before the limit was checked must still show.
            return Unreadable(markdown, labels);
        }
    }

    /// <summary>Text Markdig refuses (nested too deeply), shown as it was typed, escaped, under a notice.</summary>
    private static string Unreadable(string markdown, CalloutLabels labels) =>
        "<p class=\"markdown-unreadable\" role=\"note\">" + System.Net.WebUtility.HtmlEncode(labels.Unreadable) + "</p>\n"
        + "<pre class=\"markdown-source\">" + System.Net.WebUtility.HtmlEncode(markdown) + "</pre>\n";

    /// <summary>
    /// Finds the steps of a manual (see <see cref="ManualSteps"/> for which items they are) and renders each one
    /// on its own, for step-by-step reading.
    /// </summary>
    /// <param name="markdown">The Markdown source of the whole manual.</param>
    /// <param name="labels">The words shown at the top of callout boxes.</param>
    /// <returns>The steps in order, numbered from 1; empty when the manual has none.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <param name="pictures">The sizes of the stored pictures the text shows, as for <see cref="ToHtml(string, CalloutLabels, IReadOnlyDictionary{string, PictureSize})"/>.</param>
    public IReadOnlyList<ManualStep> RenderSteps(string markdown, CalloutLabels labels, IReadOnlyDictionary<string, PictureSize>? pictures = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(labels);
        // The same pipeline as ToHtml, so a step shown alone is sanitised exactly like the whole manual.
        var document = MarkdownLimits.TryParse(markdown, _pipeline);
        if (document is null)
        {
            // Nested too deeply to read: no steps (the manual page shows the text as it was typed).
            return [];
        }

        SizePictures(document, pictures);
        try
        {
            return RenderSteps(document, labels);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit while rendering (link brackets): no steps, as above.
            return [];
        }
    }

    private List<ManualStep> RenderSteps(MarkdownDocument document, CalloutLabels labels) =>
        ManualSteps.Find(document)
            .Select((step, index) => new ManualStep(
                index + 1,
                ManualSteps.Title(step.Item),
                Render(labels, renderer =>
                {
                    // The step page shows the title as its heading; the text follows without it.
                    ManualSteps.RemoveBoldTitle(step.Item);
                    // Items of a tight list render their paragraphs bare; alone, the text needs its <p>.
                    renderer.ImplicitParagraph = false;
                    renderer.WriteChildren(step.Item);
                }),
                step.Group))
            .ToList();

    private string Render(CalloutLabels labels, Action<HtmlRenderer> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        // Setup gives every HtmlRenderer its own CalloutRenderer, so setting labels here affects this call only.
        renderer.ObjectRenderers.FindExact<CalloutRenderer>()!.Labels = labels;
        write(renderer);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Renders Markdown to plain text, for search indexing and snippets.
    /// </summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <returns>
    /// The text content without Markdown syntax. The result is <em>not</em> HTML-encoded:
    /// literal <c>&lt;</c> characters from the source are kept, so encode it before writing it into HTML.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            return Markdown.ToPlainText(markdown, _pipeline);
        }
        catch (ArgumentException)
        {
            // Nested too deeply for Markdig (see MarkdownLimits): the source itself is the closest plain text.
            return markdown;
        }
    }

    /// <summary>
    /// <see cref="ToPlainText"/> and <see cref="ToHeadings"/> together, from one parse: what search indexes of a manual.
    /// </summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public (string PlainText, IReadOnlyList<string> Headings) ToSearchText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        try
        {
            using var writer = new StringWriter();
            var document = Markdown.ToPlainText(markdown, writer, _pipeline);
            return (writer.ToString(), Headings(document));
        }
        catch (ArgumentException)
        {
            return (markdown, ToHeadings(markdown));
        }
    }

    /// <summary>
    /// The text a search snippet is cut from: one line per heading, paragraph, list item, table row or code line, with
    /// no Markdown left in it (no <c>**</c>, <c>[ ]</c>, <c>#</c> or link targets), so a snippet never shows syntax and a
    /// heading never runs into the text below it.
    /// </summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public string ToSnippetText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = MarkdownLimits.TryParse(markdown, _pipeline);
        if (document is null)
        {
            return markdown;
        }

        var lines = new List<string>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is { } inline)
            {
                lines.Add(ManualSteps.InlineText(inline));
            }
            else if (block is CodeBlock && block.Lines.Lines is { } code)
            {
                lines.AddRange(code.Take(block.Lines.Count).Select(line => line.ToString()));
            }
        }

        return string.Join('\n', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>
    /// The text of every heading, in document order, for search (headings weigh more than the body).
    /// </summary>
    /// <param name="markdown">The Markdown source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> ToHeadings(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = MarkdownLimits.TryParse(markdown, _pipeline);
        return document is null ? [] : Headings(document);
    }

    private static List<string> Headings(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Select(heading => ManualSteps.InlineText(heading.Inline))
            .Where(text => text.Length > 0)
            .ToList();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            // GitHub-style ids keep non-ASCII letters, so Japanese headings get meaningful anchors
            // instead of the empty/"section" ids the ASCII-only default would produce.
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseEmphasisExtras()
            .UseCustomContainers()
            .UseAutoLinks()
            // Authors must not be able to inject markup; raw HTML is rendered as escaped text.
            .DisableHtml();

        // Added after UseCustomContainers so that its renderer setup runs later and can replace
        // Markdig's container renderer, which copies the author's info string into the class attribute.
        builder.Extensions.Add(new CalloutExtension());
        builder.Extensions.Add(new AnnotatedImageExtension());

        // Sanitising as part of parsing means every output of this pipeline (HTML and plain text)
        // sees the same cleaned tree.
        builder.DocumentProcessed += SanitizeLinks;

        // The steps of the 手順 section become numbered cards with step-N anchors (classes and ids only, never markup
        // from the author).
        builder.DocumentProcessed += ManualSteps.Mark;
        return builder.Build();
    }

    private static void SanitizeLinks(MarkdownDocument document)
    {
        // Materialise first: the loops below replace nodes, which would upset a lazy tree walk.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                SanitizeImage(link);
            }
            else
            {
                SanitizeLink(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            SanitizeAutolink(autolink);
        }
    }

    private static void SanitizeLink(LinkInline link)
    {
        // Links to headings (auto identifiers) compute their URL lazily; check what would be rendered.
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? string.Empty;
        var kind = ClassifyUrl(url);
        if (kind == UrlKind.Blocked)
        {
            link.GetDynamicUrl = null;
            link.Url = "#";
        }
        else if (kind == UrlKind.External)
        {
            link.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    private static void SanitizeImage(LinkInline image)
    {
        var url = image.GetDynamicUrl?.Invoke() ?? image.Url ?? string.Empty;
        if (!IsSiteRelativeImageUrl(url))
        {
            // Off-site images can track readers or smuggle content (data:), so only the alt text is shown.
            image.ReplaceBy(new LiteralInline(ManualSteps.InlineText(image)), copyChildren: false);
            return;
        }

        // Marks drawn over a screenshot (#ann=… in its address) become an SVG over the picture.
        var (path, annotations) = ImageAnnotations.Split(url);
        if (annotations is not null)
        {
            image.GetDynamicUrl = null;
            image.Url = path;
            var wrapper = new AnnotatedImageInline(annotations);
            image.ReplaceBy(wrapper, copyChildren: false);
            wrapper.AppendChild(image);
        }
    }

    /// <summary>
    /// Gives each stored picture whose size is known its width and height (it takes its place before it loads) and the
    /// smaller widths stored beside it, so a screen downloads the width it needs (a phone does not download 1920 px).
    /// </summary>
    private static void SizePictures(MarkdownDocument document, IReadOnlyDictionary<string, PictureSize>? pictures)
    {
        if (pictures is null || pictures.Count == 0)
        {
            return;
        }

        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var path = image.Url ?? "";
            if (ImageReferences.Sha256Of(path) is not { } sha256 || !pictures.TryGetValue(sha256, out var size))
            {
                continue;
            }

            var attributes = image.GetAttributes();
            attributes.AddProperty("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            attributes.AddProperty("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (ImageReferences.SourceSetFor(path, size) is { } sourceSet)
            {
                attributes.AddProperty("srcset", sourceSet);
                attributes.AddProperty("sizes", ImageReferences.Sizes);
            }
        }
    }

    private static void SanitizeAutolink(AutolinkInline autolink)
    {
        if (autolink.IsEmail)
        {
            // Rendered as mailto:, which is allowed.
            return;
        }

        var kind = ClassifyUrl(autolink.Url);
        if (kind == UrlKind.Blocked)
        {
            // An autolink renders its URL as the link text, so setting the URL to "#" would lose the text;
            // swap in an ordinary link that keeps the original text but points nowhere.
            var replacement = new LinkInline("#", string.Empty);
            replacement.AppendChild(new LiteralInline(autolink.Url));
            autolink.ReplaceBy(replacement, copyChildren: false);
        }
        else if (kind == UrlKind.External)
        {
            autolink.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    private static UrlKind ClassifyUrl(string url)
    {
        var normalized = NormalizeForCheck(url);
        if (IsProtocolRelative(normalized))
        {
            return UrlKind.Blocked;
        }

        var end = normalized.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || normalized[end] != ':')
        {
            // No scheme: a path, query or fragment on this site.
            return UrlKind.Allowed;
        }

        var scheme = normalized.AsSpan(0, end);
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return UrlKind.External;
        }

        return scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase) ? UrlKind.Allowed : UrlKind.Blocked;
    }

    private static bool IsSiteRelativeImageUrl(string url)
    {
        var normalized = NormalizeForCheck(url);
        return normalized.StartsWith('/') && !IsProtocolRelative(normalized);
    }

    private static bool IsProtocolRelative(string normalized) =>
        normalized.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// Produces the form of a URL that browsers effectively interpret, for checking only.
    /// </summary>
    /// <remarks>
    /// Browsers ignore tabs and newlines anywhere in a URL and treat a backslash like a slash, so
    /// "java&#9;script:" is a script URL and "/\evil.example" is protocol-relative. Stripping all
    /// whitespace and control characters is stricter than browsers and therefore errs on the safe side.
    /// </remarks>
    private static string NormalizeForCheck(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c == '\\' ? '/' : c);
        }

        return builder.ToString();
    }

    private enum UrlKind
    {
        /// <summary>No scheme (a path, query or fragment on this site) or mailto:.</summary>
        Allowed,

        /// <summary>http: or https:, which gets rel="noopener noreferrer".</summary>
        External,

        /// <summary>Anything else, including javascript:, data: and protocol-relative URLs.</summary>
        Blocked,
    }

    /// <summary>A screenshot with marks drawn over it (<see cref="ImageAnnotations"/>): the image is its one child.</summary>
    private sealed class AnnotatedImageInline(ImageAnnotations annotations) : ContainerInline
    {
        public ImageAnnotations Annotations { get; } = annotations;
    }

    /// <summary>
    /// Writes an annotated screenshot as the picture with its marks' SVG over it, in a span that sizes to the picture;
    /// plain-text output gets the picture's text and the labels.
    /// </summary>
    private sealed class AnnotatedImageRenderer : HtmlObjectRenderer<AnnotatedImageInline>
    {
        protected override void Write(HtmlRenderer renderer, AnnotatedImageInline obj)
        {
            if (!renderer.EnableHtmlForInline)
            {
                renderer.WriteChildren(obj);
                renderer.Write(' ').WriteEscape(obj.Annotations.Words);
                return;
            }

            renderer.Write("<span class=\"annotated-image\">");
            renderer.WriteChildren(obj);
            renderer.Write(obj.Annotations.ToSvg());
            renderer.Write("</span>");
        }
    }

    /// <summary>Installs <see cref="AnnotatedImageRenderer"/>.</summary>
    private sealed class AnnotatedImageExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer htmlRenderer && !htmlRenderer.ObjectRenderers.Contains<AnnotatedImageRenderer>())
            {
                htmlRenderer.ObjectRenderers.Insert(0, new AnnotatedImageRenderer());
            }
        }
    }

    /// <summary>Installs <see cref="CalloutRenderer"/> in place of Markdig's custom container renderer.</summary>
    private sealed class CalloutExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            // Parsing is provided by UseCustomContainers; only rendering changes.
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer htmlRenderer)
            {
                htmlRenderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new CalloutRenderer());
            }
        }
    }

    /// <summary>
    /// Renders <c>:::name</c> containers as callouts whose markup comes from a fixed list,
    /// never from the author's info string.
    /// </summary>
    private sealed class CalloutRenderer : HtmlObjectRenderer<CustomContainer>
    {
        private static readonly Dictionary<string, (string CssClass, Func<CalloutLabels, string> Label)> Callouts =
            new(StringComparer.OrdinalIgnoreCase)
            {
                ["note"] = ("callout-note", l => l.Note),
                ["warning"] = ("callout-warning", l => l.Warning),
                ["tip"] = ("callout-tip", l => l.Tip),
            };

        public CalloutLabels Labels { get; set; } = CalloutLabels.Japanese;

        protected override void Write(HtmlRenderer renderer, CustomContainer obj)
        {
            renderer.EnsureLine();

            // Plain-text rendering disables block HTML; then only the content is written, without the label.
            if (renderer.EnableHtmlForBlock)
            {
                if (obj.Info is { } info && Callouts.TryGetValue(info.Trim(), out var callout))
                {
                    renderer.Write("<div class=\"callout ").Write(callout.CssClass).WriteLine("\" role=\"note\">");
                    renderer.Write("<p class=\"callout-label\">").WriteEscape(callout.Label(Labels)).WriteLine("</p>");
                }
                else
                {
                    renderer.WriteLine("<div class=\"callout\">");
                }
            }

            renderer.WriteChildren(obj);

            if (renderer.EnableHtmlForBlock)
            {
                renderer.EnsureLine();
                renderer.WriteLine("</div>");
            }
        }
    }
}
