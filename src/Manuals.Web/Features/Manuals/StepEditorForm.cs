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

    public List<StepEditorBlockForm> Blocks { get; set; } = [];

    /// <summary>
    /// The Markdown the fields make, or null when they do not fit <see cref="Source"/>. For a manual not saved yet,
    /// <paramref name="isNew"/> leaves out the template's hints the writer did not replace.
    /// </summary>
    public string? Compose(bool isNew)
    {
        var source = (Source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var input = new EditorInput(Lead, Blocks.Select(b => b.ToInput()).ToList());
        return EditorLayout.Compose(source, input, leaveOutHints: isNew);
    }
}

public sealed class StepEditorBlockForm
{
    public string? Text { get; set; }

    public bool Hinted { get; set; }

    public string? AddedName { get; set; }

    /// <summary>The block shows steps as cards (it posts no card when the writer removed them all).</summary>
    public bool HasSteps { get; set; }

    public List<StepEditorCardForm> Cards { get; set; } = [];

    public string? After { get; set; }

    public EditorBlockInput ToInput() => new(
        Text,
        Hinted,
        AddedName,
        HasSteps ? Cards.Select(c => c.ToInput()).ToList() : null,
        After);
}

public sealed class StepEditorCardForm
{
    public int Origin { get; set; } = -1;

    public string? Title { get; set; }

    public string? Text { get; set; }

    public bool Hinted { get; set; }

    /// <summary>The card's screenshots, each as its Markdown.</summary>
    public List<string> Images { get; set; } = [];

    /// <summary>Screenshots the writer ticked 「この画像を外す」 for.</summary>
    public List<string> RemovedImages { get; set; } = [];

    public List<StepEditorCalloutForm> Callouts { get; set; } = [];

    public EditorCardInput ToInput() => new(
        Origin,
        Title,
        Text,
        Hinted,
        Images.Where(i => !RemovedImages.Contains(i, StringComparer.Ordinal)).ToList(),
        Callouts.Select(c => new CardCallout(c.Kind ?? "", c.Text ?? "")).ToList());
}

public sealed class StepEditorCalloutForm
{
    public string? Kind { get; set; }

    public string? Text { get; set; }
}
