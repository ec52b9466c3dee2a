using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Manuals.Core.Common;

/// <summary>
/// Rules every text field shares, whichever form, file or command it comes from: what counts as empty, and which
/// characters a text may not hold.
/// </summary>
public static class TextInput
{
    /// <summary>
    /// True when the text shows nothing: null, empty, or only whitespace (U+3000 included), control characters,
    /// zero-width and other format characters (U+200B–U+200D, U+2060, U+FEFF …), combining marks without a base, and
    /// the blank filler characters (U+115F, U+1160, U+3164, U+FFA0, U+2800). A required field holding only these is empty.
    /// </summary>
    public static bool IsBlank([NotNullWhen(false)] string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the text holds a control character other than tab, line feed and carriage return: C0 (NUL …), DEL
    /// or C1. PostgreSQL refuses NUL in text, and none of them means anything in a manual, a name or a note.
    /// </summary>
    public static bool HasControlCharacters(string? text) =>
        !string.IsNullOrEmpty(text) && text.Any(IsForbiddenControl);

    /// <summary>The text without the characters <see cref="HasControlCharacters"/> finds; the same instance when it has none.</summary>
    public static string StripControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasControlCharacters(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsForbiddenControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private static bool IsInvisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune) || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;
    }
}
