using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Manuals.Core.Manuals;

/// <summary>
/// What Markdown the app can read. Markdig refuses a document nested 128 levels deep (quotes, lists — a list item
/// counts twice —, <c>:::note</c> callouts, link brackets, emphasis) with an <see cref="ArgumentException"/>; it checks
/// the depth itself, so nothing recurses deeper and the refusal is safe to catch. Every parse of user Markdown goes
/// through <see cref="TryParse"/>: forms refuse such text with a message (<see cref="IsTooDeeplyNested"/>), and
/// text already stored renders as plain text instead of failing.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>The nesting writers are told stays readable (the message's 目安): half of Markdig's limit, lists counted twice.</summary>
    public const int NestingGuide = 60;

    /// <summary>True when the text cannot be read or rendered as Markdown because it is nested too deeply.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is null.</exception>
    public static bool IsTooDeeplyNested(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = TryParse(markdown, MarkdownRenderer.Pipeline);
        if (document is null)
        {
            return true;
        }

        // Markdig counts the depth of inlines (link brackets) while rendering, so a text that parses may still be refused.
        try
        {
            var renderer = new HtmlRenderer(TextWriter.Null);
            MarkdownRenderer.Pipeline.Setup(renderer);
            renderer.Render(document);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>The parsed document, or null when Markdig refuses the text (nested too deeply).</summary>
    internal static MarkdownDocument? TryParse(string markdown, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit: "Markdown elements in the input are too deeply nested".
            return null;
        }
    }
}
