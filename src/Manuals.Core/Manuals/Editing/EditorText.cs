using Manuals.Core.Templates;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// One piece of a manual's text as the step editor shows it in a field: <see cref="Raw"/> is the Markdown as written
/// (with the blank lines around it), <see cref="Shown"/> what the field holds — the same text without the blank lines
/// before and after it, or nothing when the piece is still the template's hint, which the field then shows as its
/// placeholder (<see cref="Hint"/>).
/// </summary>
public sealed record EditorText(string Raw, string Shown, string? Hint)
{
    public static EditorText Empty { get; } = new("", "", null);

    /// <summary>The field for <paramref name="raw"/>; <paramref name="hint"/> is the template's hint for it, if any.</summary>
    public static EditorText From(string raw, string? hint)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var shown = Trim(raw);
        if (!string.IsNullOrWhiteSpace(hint) && shown.Length > 0
            && ManualSections.NormalizeContent(shown) == ManualSections.NormalizeContent(hint))
        {
            return new EditorText(raw, "", hint.Trim());
        }

        return new EditorText(raw, shown, null);
    }

    /// <summary>
    /// Whether a field posted <paramref name="posted"/> (normalised) for this piece left it as it was: the Markdown then
    /// stays <see cref="Raw"/>, byte for byte. A field that showed the template's hint as its placeholder posts
    /// <paramref name="hinted"/>, and left empty it keeps the hint.
    /// </summary>
    public bool IsUnchanged(string posted, bool hinted) => posted == Trim(Raw) || (hinted && posted.Length == 0);

    /// <summary>
    /// Text as a field posts it, in the form this piece is compared and written in: line breaks as <c>\n</c> (browsers
    /// send <c>\r\n</c>) and no blank lines or spaces at its end.
    /// </summary>
    public static string Normalize(string? posted) =>
        (posted ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();

    /// <summary><paramref name="raw"/> without its leading blank lines and its trailing white space.</summary>
    internal static string Trim(string raw)
    {
        var start = 0;
        while (true)
        {
            var newline = raw.IndexOf('\n', start);
            if (newline < 0 || !string.IsNullOrWhiteSpace(raw[start..newline]))
            {
                break;
            }

            start = newline + 1;
        }

        return raw[start..].TrimEnd();
    }
}
