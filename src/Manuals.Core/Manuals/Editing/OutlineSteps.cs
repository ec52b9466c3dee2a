using System.Globalization;
using System.Text.RegularExpressions;

namespace Manuals.Core.Manuals.Editing;

/// <summary>
/// The 手順 section's text cut around its steps: what stands before the list, each step item as written (its number,
/// its lines and the blank lines after it up to the next item), and what follows the list.
/// </summary>
public sealed partial record OutlineSteps(string Before, IReadOnlyList<string> Items, string After)
{
    public string ToMarkdown() => Before + string.Concat(Items) + After;

    /// <summary>What the step cards show of <see cref="Items"/>.</summary>
    public IReadOnlyList<StepCard> Cards() => Items.Select(StepCard.FromMarkdown).ToList();

    /// <summary>
    /// These steps with <paramref name="cards"/> in their place. A card still equal to the item at its position keeps
    /// that item's text byte for byte; any other is written as a conventional item numbered for its place, in the list's
    /// own style (its first number, <c>.</c> or <c>)</c>, a blank line between items when the list has them), so an edit
    /// changes only the steps it touched and a manual saved without a change does not change at all.
    /// </summary>
    public OutlineSteps WithCards(IReadOnlyList<StepCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var marker = Items.Count > 0 ? Marker().Match(Items[0]) : Match.Empty;
        var first = marker.Success ? int.Parse(marker.Groups["number"].Value, CultureInfo.InvariantCulture) : 1;
        var delimiter = marker.Success ? marker.Groups["delimiter"].Value[0] : '.';
        var loose = Items.Take(Items.Count - 1).Any(item => item.EndsWith("\n\n", StringComparison.Ordinal));
        var original = Cards();
        if (cards.SequenceEqual(original))
        {
            return this;
        }

        var items = new List<string>(cards.Count);
        for (var i = 0; i < cards.Count; i++)
        {
            var isLast = i == cards.Count - 1;
            var unchanged = i < original.Count && original[i] == cards[i];
            if (unchanged && isLast == (i == Items.Count - 1))
            {
                items.Add(Items[i]);
                continue;
            }

            // The blank line after an item is the list's: between items when the list is loose, never after the last.
            var item = (unchanged ? Items[i] : cards[i].ToMarkdown(first + i, delimiter)).TrimEnd('\n') + "\n";
            items.Add(loose && !isLast ? item + "\n" : item);
        }

        return this with { Items = items };
    }

    [GeneratedRegex(@"^ {0,3}(?<number>\d{1,9})(?<delimiter>[.)])")]
    private static partial Regex Marker();
}
