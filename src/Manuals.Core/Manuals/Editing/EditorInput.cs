namespace Manuals.Core.Manuals.Editing;

/// <summary>What the step editor's fields posted, block by block in the order the page showed them (<see cref="EditorLayout"/>).</summary>
/// <param name="Lead">The text before the first heading, when it posts no <paramref name="LeadParts"/>.</param>
/// <param name="Blocks">One per block of the layout.</param>
/// <param name="LeadParts">The text before the first heading as its parts (text fields, boxes, screenshots).</param>
public sealed record EditorInput(string? Lead, IReadOnlyList<EditorBlockInput> Blocks, IReadOnlyList<ContentPart>? LeadParts = null);

/// <summary>One block's fields.</summary>
/// <param name="Text">In the 手順 block, the text before the steps; elsewhere the block's text when it posts no <paramref name="Parts"/>.</param>
/// <param name="Hinted">The text field showed the template's hint as its placeholder.</param>
/// <param name="AddedName">For a template section the manual did not have yet, its heading; null for the manual's own headings.</param>
/// <param name="Cards">In the 手順 block, its steps in their new order; null elsewhere.</param>
/// <param name="After">In the 手順 block, the text after the steps.</param>
/// <param name="Parts">Outside the 手順 block, the text fields, boxes and screenshots in order.</param>
public sealed record EditorBlockInput(
    string? Text,
    bool Hinted = false,
    string? AddedName = null,
    IReadOnlyList<EditorCardInput>? Cards = null,
    string? After = null,
    IReadOnlyList<ContentPart>? Parts = null)
{
    /// <summary>The block's text as compared and written.</summary>
    public EditorContent Content() =>
        Parts is null ? EditorContent.Create([new ContentPart(ContentPart.Text, Text ?? "")]) : EditorContent.Create(Parts);
}

/// <summary>One step card's fields.</summary>
/// <param name="Origin">The position of the step the card showed when the page was made (0-based), or -1 for a new card.</param>
/// <param name="Parts">Its text fields, boxes and screenshots in order.</param>
/// <param name="Hinted">The card showed the template's example step as placeholders.</param>
public sealed record EditorCardInput(int Origin, string? Title, IReadOnlyList<ContentPart>? Parts, bool Hinted = false)
{
    /// <summary>The card's parts as compared and written.</summary>
    public EditorContent Content() => EditorContent.Create(Parts ?? []);
}
