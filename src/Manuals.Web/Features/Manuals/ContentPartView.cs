using Manuals.Core.Manuals.Editing;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// One text field, box or screenshot of a section or a step card (Views/_ContentPart.cshtml); its fields are named
/// <c>{Prefix}.Parts[{Index}].Kind/.Value/.Removed</c>.
/// </summary>
/// <param name="Id">The id of its text field (the block's or card's label points at the first one).</param>
/// <param name="Label">What its text field is called (the section's name, 「内容」 on a card).</param>
/// <param name="Hint">The template's hint, shown as the first text field's placeholder.</param>
/// <param name="ShowLabel">The label is shown (on a card); a section's heading says it already, so there it is for screen readers.</param>
/// <param name="Continued">A text field after the first one, labelled 「（続き）」.</param>
/// <param name="Invalid">The text field is marked as needing text before publishing (<paramref name="DescribedBy"/> says why).</param>
public sealed record ContentPartView(
    string Prefix,
    int Index,
    string Id,
    ContentPart Part,
    string Label,
    bool ShowLabel,
    bool Continued,
    string? Hint = null,
    bool Focus = false,
    bool Invalid = false,
    string? DescribedBy = null)
{
    public string Name(string field) => $"{Prefix}.Parts[{Index}].{field}";

    /// <summary>
    /// The parts a section or card shows: its own, and a text field after a box or picture at the end (or as the only
    /// field), so there is always somewhere to write.
    /// </summary>
    public static IReadOnlyList<ContentPart> Shown(EditorContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Parts.Count > 0 && content.Parts[^1].Kind == ContentPart.Text
            ? content.Parts
            : [.. content.Parts, new ContentPart(ContentPart.Text, "")];
    }
}

/// <summary>A section's or a step card's parts (Views/_ContentParts.cshtml); see <see cref="ContentPartView"/>.</summary>
public sealed record ContentPartsView(
    string Prefix,
    string Id,
    EditorContent Content,
    string Label,
    bool ShowLabel,
    string? Hint = null,
    bool Focus = false,
    bool Invalid = false,
    string? DescribedBy = null);
