using System.Text;
using System.Text.RegularExpressions;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// The text of a section or a step card as the editor shows it: in order, pieces of text (each in a text field),
/// callout boxes (<c>:::warning</c> 注意, <c>:::tip</c> ポイント, <c>:::note</c> メモ, each a box with its own field) and
/// screenshots (an image stored here, on a line of its own, shown as a picture) — so the writer sees no Markdown for
/// boxes and pictures.
/// </summary>
/// <remarks>
/// <see cref="Join"/> writes the parts in their order as conventional Markdown, a blank line between them (screenshots
/// in a row one per line). The editor compares parts, not bytes (<see cref="IsSameAs"/>): a field showing what
/// <see cref="Split"/> gave keeps its Markdown as written.
/// </remarks>
public sealed partial record EditorContent(IReadOnlyList<ContentPart> Parts)
{
    public static EditorContent Empty { get; } = new([]);

    /// <summary>Reads <paramref name="text"/> (line breaks as <c>\n</c>) into its parts, in order.</summary>
    public static EditorContent Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var parts = new List<ContentPart>();
        var prose = new List<string>();
        void EndProse()
        {
            if (prose.Count > 0)
            {
                parts.Add(new ContentPart(ContentPart.Text, string.Join('\n', prose)));
                prose.Clear();
            }
        }

        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                prose.Add(line);
                fence = line.TrimStart().StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }

            if (Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Groups["fence"].Value;
                prose.Add(line);
                continue;
            }

            if (ContentPart.ImageLine().IsMatch(line))
            {
                EndProse();
                parts.Add(new ContentPart(ContentPart.Image, line.Trim()));
                continue;
            }

            var callout = CalloutStart().Match(line);
            var close = callout.Success ? ClosingLine(lines, i + 1) : -1;
            if (close > 0)
            {
                EndProse();
                parts.Add(new ContentPart(callout.Groups["kind"].Value, string.Join('\n', lines[(i + 1)..close])));
                i = close;
                continue;
            }

            prose.Add(line);
        }

        EndProse();
        return Create(parts);
    }

    /// <summary>
    /// Parts as compared and written: line breaks as <c>\n</c>; text without blank lines at its ends or two in a row;
    /// empty parts, and screenshots that are not an image stored here, left out; an unknown kind read as text.
    /// </summary>
    public static EditorContent Create(IEnumerable<ContentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var kept = new List<ContentPart>();
        foreach (var part in parts)
        {
            var text = Collapse(EditorText.Normalize(part.Value));
            var kind = part.Kind is ContentPart.Image || ContentPart.CalloutKinds.Contains(part.Kind) ? part.Kind : ContentPart.Text;
            if (text.Length == 0 || (kind == ContentPart.Image && !ContentPart.ImageLine().IsMatch(text)))
            {
                continue;
            }

            kept.Add(new ContentPart(kind, kind == ContentPart.Image ? text.Trim() : text));
        }

        return new EditorContent(kept);
    }

    /// <summary>The parts as Markdown, in order: a blank line between them, screenshots in a row one per line.</summary>
    public string Join()
    {
        var markdown = new StringBuilder();
        ContentPart? previous = null;
        foreach (var part in Parts)
        {
            if (previous is not null)
            {
                markdown.Append(previous.Kind == ContentPart.Image && part.Kind == ContentPart.Image ? "\n" : "\n\n");
            }

            markdown.Append(part.ToMarkdown());
            previous = part;
        }

        return markdown.ToString();
    }

    /// <summary>The same parts in the same order.</summary>
    public bool IsSameAs(EditorContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Parts.SequenceEqual(other.Parts);
    }

    /// <summary>The index of the <c>:::</c> line that closes a callout opened just before <paramref name="from"/>, or -1.</summary>
    private static int ClosingLine(string[] lines, int from)
    {
        var depth = 0;
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith(":::", StringComparison.Ordinal) && line.Length > 3)
            {
                depth++;
            }
            else if (line == ":::")
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    /// <summary>Without blank lines at either end, and at most one blank line in a row.</summary>
    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}:::[ \t]*(?<kind>warning|tip|note)[ \t]*$")]
    private static partial Regex CalloutStart();
}

/// <summary>
/// One part of an <see cref="EditorContent"/>: <see cref="Kind"/> is <see cref="Text"/>, <see cref="Image"/> (then
/// <see cref="Value"/> is its Markdown, <c>![alt](/images/…)</c>) or a callout kind (<c>warning</c>, <c>tip</c>,
/// <c>note</c>; then <see cref="Value"/> is the text in the box).
/// </summary>
public sealed partial record ContentPart(string Kind, string Value)
{
    public const string Text = "text";

    public const string Image = "image";

    /// <summary>The callout kinds the renderer knows, in the order the editor offers them.</summary>
    public static readonly IReadOnlyList<string> CalloutKinds = ["warning", "tip", "note"];

    public bool IsCallout => CalloutKinds.Contains(Kind);

    /// <summary>For a screenshot, the image's address (<c>/images/…</c>) and alternative text.</summary>
    public (string Url, string Alt)? ImageSource =>
        Kind == Image && ImageLine().Match(Value) is { Success: true } match ? (match.Groups["url"].Value, match.Groups["alt"].Value) : null;

    public string ToMarkdown() => IsCallout ? $":::{Kind}\n{Value}\n:::" : Value;

    /// <summary>An image stored here, alone on its line.</summary>
    [GeneratedRegex(@"^ {0,3}!\[(?<alt>[^\[\]\n]*)\]\((?<url>/images/[0-9a-f]{64}(?:#ann=[^\s()]*)?)\)[ \t]*$")]
    internal static partial Regex ImageLine();
}
