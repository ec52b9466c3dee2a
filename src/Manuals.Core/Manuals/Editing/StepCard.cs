using System.Text;
using System.Text.RegularExpressions;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// What a step card shows of one step item (<see cref="OutlineSteps.Items"/>): its title — the bold words it opens with,
/// as in 「1. **請求締め処理** — 第1営業日の午後に…」 — and the text under it, without the item's number and indentation.
/// <see cref="ToMarkdown"/> writes a card back as a conventional list item; an item already written that way comes back
/// unchanged.
/// </summary>
public sealed partial record StepCard(string Title, string Text)
{
    /// <summary>Between a step's bold title and its text on the same line.</summary>
    public const string TitleSeparator = " — ";

    /// <summary>Reads a step item (its number, lines and the blank lines after it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static StepCard FromMarkdown(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var lines = item.Split('\n');
        var marker = Marker().Match(lines[0]);
        // The item's content starts after its number and the one to four spaces after it; with none (the text starts on
        // the next line) or five and more (an indented code block), one column after the number, as CommonMark reads it.
        var spaces = marker.Groups["space"].Length;
        var indent = !marker.Success ? 0 : spaces is >= 1 and <= 4 ? marker.Length : marker.Length - spaces + 1;
        var content = new List<string> { lines[0][Math.Min(indent, lines[0].Length)..] };
        content.AddRange(lines.Skip(1).Select(line => line[Math.Min(LeadingSpaces(line), indent)..]));
        var text = string.Join('\n', content).TrimEnd('\n', ' ');

        var title = BoldTitle().Match(text);
        return title.Success
            ? new StepCard(title.Groups["title"].Value, text[title.Length..].TrimStart('\n'))
            : new StepCard("", text);
    }

    /// <summary>
    /// The card as list item number <paramref name="number"/>, ending with a line break; <paramref name="delimiter"/> is
    /// the list's (<c>.</c> or <c>)</c>: an item with the other one would start a new list).
    /// </summary>
    public string ToMarkdown(int number, char delimiter = '.')
    {
        var marker = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + delimiter + " ";
        var indent = new string(' ', marker.Length);
        var lines = Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var title = Title.Trim().Replace("**", "\\*\\*", StringComparison.Ordinal);
        if (title.Length > 0 && BlockStart().IsMatch(lines[0]))
        {
            // A callout, picture, list or table cannot follow the title on its line: it starts after a blank line.
            lines.InsertRange(0, ["**" + title + "**", ""]);
        }
        else if (title.Length > 0)
        {
            lines[0] = "**" + title + "**" + (lines[0].Length > 0 ? TitleSeparator + lines[0] : "");
        }

        var markdown = new StringBuilder(marker.TrimEnd().Length + Text.Length + 16);
        markdown.Append(lines[0].Length > 0 ? marker + lines[0] : marker.TrimEnd()).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            markdown.Append(line.Length > 0 ? indent + line : "").Append('\n');
        }

        return markdown.ToString();
    }

    private static int LeadingSpaces(string line)
    {
        var count = 0;
        while (count < line.Length && line[count] == ' ')
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^ {0,3}(?<number>\d{1,9})[.)](?<space> *)")]
    private static partial Regex Marker();

    /// <summary>A line that starts a block of its own rather than continuing a sentence.</summary>
    [GeneratedRegex(@"^ {0,3}(?::::|!\[|[-*+](?: |$)|\d{1,9}[.)](?: |$)|#|>|```|~~~|\|)")]
    private static partial Regex BlockStart();

    /// <summary>Bold words opening the first line, then the separator, or the line's end.</summary>
    [GeneratedRegex(@"^\*\*(?<title>[^*\n]+?)\*\*(?: — |(?=\n)|$)")]
    private static partial Regex BoldTitle();
}
