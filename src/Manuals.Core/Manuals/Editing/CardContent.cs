using System.Text;
using System.Text.RegularExpressions;
using Manuals.Core.Images;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// A step card's text (<see cref="StepCard.Text"/>) as the card shows it: the prose in its text field, the screenshots
/// (images stored here, each on a line of its own) as pictures, and the callouts (<c>:::warning</c>, <c>:::tip</c>,
/// <c>:::note</c> blocks) as boxes of their own — so that the writer sees no Markdown for them.
/// </summary>
/// <remarks>
/// <see cref="Join"/> writes a card's parts as conventional Markdown: the prose, then the screenshots, then the
/// callouts, a blank line between them. A card still showing what <see cref="Split"/> gave keeps its original text
/// (the editor compares parts, <see cref="IsSameAs"/>), so splitting need not give back the same bytes when joined.
/// </remarks>
public sealed partial record CardContent(string Prose, IReadOnlyList<CardImage> Images, IReadOnlyList<CardCallout> Callouts)
{
    /// <summary>The kinds of callout the renderer knows, in the order the editor offers them.</summary>
    public static readonly IReadOnlyList<string> CalloutKinds = ["warning", "tip", "note"];

    public static CardContent Empty { get; } = new("", [], []);

    /// <summary>Reads <paramref name="text"/> (line breaks as <c>\n</c>) into prose, screenshots and callouts.</summary>
    public static CardContent Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var prose = new List<string>();
        var images = new List<CardImage>();
        var callouts = new List<CardCallout>();
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                prose.Add(line);
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            if (Fence().Match(line) is { Success: true } opening)
            {
                fence = opening.Groups["fence"].Value;
                prose.Add(line);
                continue;
            }

            if (ImageLine().Match(line) is { Success: true } image)
            {
                images.Add(new CardImage(image.Groups["alt"].Value, image.Groups["url"].Value));
                continue;
            }

            var callout = CalloutStart().Match(line);
            var close = callout.Success ? ClosingLine(lines, i + 1) : -1;
            if (close > 0)
            {
                callouts.Add(new CardCallout(callout.Groups["kind"].Value, string.Join('\n', lines[(i + 1)..close])));
                i = close;
                continue;
            }

            prose.Add(line);
        }

        return Create(string.Join('\n', prose), images, callouts);
    }

    /// <summary>
    /// A card's parts as compared and written: line breaks as <c>\n</c>, the prose without blank lines at its ends or
    /// two in a row, callout texts trimmed the same way, callouts of an unknown kind as <c>note</c>.
    /// </summary>
    public static CardContent Create(string? prose, IEnumerable<CardImage> images, IEnumerable<CardCallout> callouts)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(callouts);
        return new CardContent(
            Collapse(EditorText.Normalize(prose)),
            images.ToList(),
            callouts.Select(c => new CardCallout(CalloutKinds.Contains(c.Kind) ? c.Kind : "note", Collapse(EditorText.Normalize(c.Text)))).ToList());
    }

    /// <summary>The parts as a step's text: prose, screenshots (one per line), callouts, a blank line between them.</summary>
    public string Join()
    {
        var parts = new List<string>();
        if (Prose.Trim().Length > 0)
        {
            parts.Add(Prose.TrimEnd());
        }

        if (Images.Count > 0)
        {
            parts.Add(string.Join('\n', Images.Select(i => i.ToMarkdown())));
        }

        foreach (var callout in Callouts.Where(c => c.Text.Length > 0))
        {
            parts.Add(callout.ToMarkdown());
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>Same prose, screenshots and callouts, in the same order.</summary>
    public bool IsSameAs(CardContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Prose == other.Prose && Images.SequenceEqual(other.Images) && Callouts.SequenceEqual(other.Callouts);
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

    /// <summary>Without blank lines at either end, and at most one blank line in a row where parts were taken out.</summary>
    internal static string Collapse(string text)
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

    [GeneratedRegex(@"^ {0,3}!\[(?<alt>[^\[\]\n]*)\]\((?<url>/images/[0-9a-f]{64})\)[ \t]*$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^ {0,3}:::[ \t]*(?<kind>warning|tip|note)[ \t]*$")]
    private static partial Regex CalloutStart();
}

/// <summary>A screenshot on a step card: an image stored here (<see cref="ImageReferences.PathPrefix"/>).</summary>
public sealed record CardImage(string Alt, string Url)
{
    public string ToMarkdown() => $"![{Alt}]({Url})";

    /// <summary>The image a posted <c>![alt](/images/…)</c> line names, or null for anything else.</summary>
    public static CardImage? Parse(string? markdown)
    {
        var content = CardContent.Split((markdown ?? "").Trim());
        return content.Images.Count == 1 && content.Prose.Length == 0 && content.Callouts.Count == 0 ? content.Images[0] : null;
    }
}

/// <summary>A callout on a step card: <see cref="Kind"/> is <c>warning</c> (注意), <c>tip</c> (ポイント) or <c>note</c> (メモ).</summary>
public sealed record CardCallout(string Kind, string Text)
{
    public string ToMarkdown() => $":::{Kind}\n{Text}\n:::";
}
