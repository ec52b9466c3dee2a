using System.Text;
using Manuals.Core.Common;

namespace Manuals.Core.Search;

/// <summary>Why a synonym group typed by an admin was refused.</summary>
public enum SynonymInputError
{
    None,
    TooFew,
    TooMany,
    TooLong,
    Unsearchable,
}

/// <summary>
/// A synonym group as typed by an admin (「稟議, 決裁」 or 「稟議、決裁」): its words, cleaned and without repeats, or why
/// it is refused — fewer than 2 different words, more than <see cref="MaxWords"/>, a word longer than
/// <see cref="MaxWordLength"/>, or a word the analyzer makes nothing of (only symbols).
/// </summary>
public sealed record SynonymInput(IReadOnlyList<string> Words, SynonymInputError Error, string? Word)
{
    public const int MaxWords = 20;
    public const int MaxWordLength = 40;

    private static readonly char[] Separators = [',', '、', '，', '､'];

    public bool IsValid => Error == SynonymInputError.None;

    /// <summary>The words as stored: separated by commas.</summary>
    public string Stored => string.Join(',', Words);

    public static SynonymInput Parse(string? text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            // Control characters go; spaces inside a word stay (「経費 精算」 is a phrase).
            var word = SearchText.Sanitize(part, out _);
            if (TextInput.IsBlank(word))
            {
                // Only spaces or zero-width characters between two commas: an empty entry, not a word.
                continue;
            }

            if (part.Trim().Length > MaxWordLength)
            {
                return new SynonymInput(words, SynonymInputError.TooLong, part.Trim()[..MaxWordLength] + "…");
            }

            if (SearchAnalyzer.Analyze(word).Count == 0)
            {
                return new SynonymInput(words, SynonymInputError.Unsearchable, word);
            }

            // ＰＣ and pc are the same word to the analyzer; keep the first spelling.
            if (seen.Add(word.Normalize(NormalizationForm.FormKC).ToLowerInvariant()))
            {
                words.Add(word);
            }
        }

        if (words.Count > MaxWords)
        {
            return new SynonymInput(words, SynonymInputError.TooMany, null);
        }

        return words.Count < 2 ? new SynonymInput(words, SynonymInputError.TooFew, null) : new SynonymInput(words, SynonymInputError.None, null);
    }
}
