using System.Globalization;
using System.Text;

namespace Manuals.Core.Search;

/// <summary>Cleans text typed into a search box before it is parsed.</summary>
public static class SearchText
{
    /// <summary>
    /// Removes control and invisible format characters, unpaired surrogates and unassigned code points, turns tabs and
    /// line breaks into spaces, trims, and cuts the result to <see cref="SearchLimits.MaxQueryLength"/> characters
    /// (never inside a surrogate pair).
    /// </summary>
    /// <param name="text">What the user typed; null is treated as empty.</param>
    /// <param name="truncated">True when the text was longer than the limit and was cut.</param>
    public static string Sanitize(string? text, out bool truncated)
    {
        truncated = false;
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, SearchLimits.MaxQueryLength + 1));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                builder.Append(' ');
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            builder.Append(c);
        }

        var clean = builder.ToString().Trim();
        if (clean.Length <= SearchLimits.MaxQueryLength)
        {
            return clean;
        }

        truncated = true;
        var cut = SearchLimits.MaxQueryLength;
        if (char.IsLowSurrogate(clean[cut]))
        {
            cut--;
        }

        return clean[..cut].TrimEnd();
    }
}
