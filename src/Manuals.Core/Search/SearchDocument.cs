using Manuals.Core.Manuals;

namespace Manuals.Core.Search;

/// <summary>
/// What the index holds for one manual, as text: the fields weigh differently (title most, then tags, headings, body).
/// The index analyses these strings itself.
/// </summary>
/// <param name="Title">The manual's title.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Headings">The text of its Markdown headings.</param>
/// <param name="Body">Its Markdown as plain text (the same text snippets are cut from).</param>
public sealed record SearchDocument(string Title, IReadOnlyList<string> Tags, IReadOnlyList<string> Headings, string Body)
{
    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>The document for a manual revision, from its title, tags and Markdown source.</summary>
    public static SearchDocument Create(string title, IEnumerable<string> tags, string markdown)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(markdown);
        var (body, headings) = Renderer.ToSearchText(markdown);
        return new SearchDocument(
            title,
            tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            headings,
            body);
    }
}
