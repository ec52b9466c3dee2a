namespace Manuals.Core.Manuals.Editing;

/// <summary>One labelled block of the step editor: a heading of the manual, or a template section it does not have yet.</summary>
/// <param name="Name">The heading as readers see it (the block's label).</param>
/// <param name="Level">1 or 2.</param>
/// <param name="Required">The template needs it filled before publishing.</param>
/// <param name="IsTemplateSection">One of the template's sections (else a heading the writer added).</param>
/// <param name="IsAdded">The manual does not have this heading yet; it is written only when the block gets text.</param>
/// <param name="Text">The block's text; in the 手順 block, the text before the steps.</param>
/// <param name="Steps">In the 手順 block, its steps as cards.</param>
public sealed record EditorBlock(
    string Name, int Level, bool Required, bool IsTemplateSection, bool IsAdded, EditorText Text, EditorSteps? Steps)
{
    /// <summary>A block without steps shows its text as parts: text fields, callout boxes and screenshots.</summary>
    public EditorContent Content => EditorContent.Split(Text.Shown);
}

/// <summary>The 手順 block's steps and the text after them.</summary>
public sealed record EditorSteps(IReadOnlyList<EditorCard> Cards, EditorText After);

/// <summary>
/// One step card: <see cref="Title"/> and <see cref="Content"/> (its text, callout boxes and screenshots) as the fields
/// hold them, or, for the template's example step still untouched, nothing, with the example as placeholders
/// (<see cref="IsHint"/>).
/// </summary>
public sealed record EditorCard(int Origin, string Title, EditorContent Content, bool IsHint, string TitleHint, string TextHint)
{
    /// <summary>A new, empty card.</summary>
    public static EditorCard New { get; } = new(-1, "", EditorContent.Empty, false, "", "");
}
