using Manuals.Core.Manuals.Editing;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// The step editor's fields as the form posts them (<see cref="EditorLayout"/>): the Markdown the page was made from,
/// the text before the first heading, and one group per block, with the 手順 block's cards.
/// </summary>
public sealed class StepEditorForm
{
    /// <summary>The Markdown the fields were cut from; what the writer left as shown keeps its bytes from here.</summary>
    public string? Source { get; set; }

    public string? Lead { get; set; }

    /// <summary>The text before the first heading as parts, when the page showed it (<see cref="Lead"/> otherwise).</summary>
    public StepEditorBlockForm LeadBlock { get; set; } = new();

    public List<StepEditorBlockForm> Blocks { get; set; } = [];

    /// <summary>
    /// The Markdown the fields make, or null when they do not fit <see cref="Source"/>. Saving a manual not saved yet,
    /// <paramref name="leaveOutHints"/> leaves out the template's hints the writer did not replace.
    /// </summary>
    public string? Compose(bool leaveOutHints)
    {
        var source = (Source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var input = new EditorInput(
            Lead, Blocks.Select(b => b.ToInput()).ToList(), LeadBlock.HasParts ? StepEditorPartForm.ToParts(LeadBlock.Parts) : null);
        return EditorLayout.Compose(source, input, leaveOutHints);
    }
}

public sealed class StepEditorBlockForm
{
    /// <summary>In the 手順 block, the text before the steps.</summary>
    public string? Text { get; set; }

    public bool Hinted { get; set; }

    public string? AddedName { get; set; }

    /// <summary>The block shows steps as cards (it posts no card when the writer removed them all).</summary>
    public bool HasSteps { get; set; }

    public List<StepEditorCardForm> Cards { get; set; } = [];

    public string? After { get; set; }

    /// <summary>The block shows its text as parts (it posts none when the writer removed them all).</summary>
    public bool HasParts { get; set; }

    public List<StepEditorPartForm> Parts { get; set; } = [];

    public EditorBlockInput ToInput() => new(
        Text,
        Hinted,
        AddedName,
        HasSteps ? Cards.Select(c => c.ToInput()).ToList() : null,
        After,
        HasParts ? StepEditorPartForm.ToParts(Parts) : null);
}

public sealed class StepEditorCardForm
{
    public int Origin { get; set; } = -1;

    public string? Title { get; set; }

    public bool Hinted { get; set; }

    public List<StepEditorPartForm> Parts { get; set; } = [];

    public EditorCardInput ToInput() => new(Origin, Title, StepEditorPartForm.ToParts(Parts), Hinted);
}

/// <summary>One text field, box or screenshot of a section or a card (<see cref="ContentPart"/>).</summary>
public sealed class StepEditorPartForm
{
    public string? Kind { get; set; }

    public string? Value { get; set; }

    /// <summary>A screenshot the writer ticked 「この画像を外す」 for.</summary>
    public bool Removed { get; set; }

    public static IReadOnlyList<ContentPart> ToParts(IEnumerable<StepEditorPartForm> parts) =>
        parts.Where(p => !p.Removed).Select(p => new ContentPart(p.Kind ?? ContentPart.Text, p.Value ?? "")).ToList();
}
