using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
/// <remarks>
/// Markdig reads the whole text before it refuses it: a hostile 60 KB body (<c>"- "</c> 30,000 times) costs about a
/// second of CPU per parse, and one save or page view parses a text several times (validation, HTML, steps, headings,
/// the search document). So a refusal is remembered per pipeline by the text's SHA-256, and the same text is refused
/// again at once; ordinary text is never looked up while nothing has been refused.
/// </remarks>
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
        if (!Refused.IsEmpty && Refused.ContainsKey(RefusalKey(markdown, pipeline)))
        {
            return null;
        }

        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit: "Markdown elements in the input are too deeply nested".
            if (Refused.Count >= RefusedCapacity)
            {
                Refused.Clear();
            }

            Refused.TryAdd(RefusalKey(markdown, pipeline), 0);
            return null;
        }
    }

    /// <summary>How many refused texts are remembered; past it the memory starts again (a refusal is only ever re-done).</summary>
    private const int RefusedCapacity = 1024;

    private static readonly ConcurrentDictionary<(MarkdownPipeline Pipeline, string Sha256), byte> Refused = new();

    private static (MarkdownPipeline, string) RefusalKey(string markdown, MarkdownPipeline pipeline) =>
        (pipeline, Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(markdown.AsSpan()))));
}
