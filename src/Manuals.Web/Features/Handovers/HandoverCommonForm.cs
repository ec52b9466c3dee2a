using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>One common item of the form.</summary>
public sealed class HandoverCommonForm
{
    public CommonItemKind Kind { get; set; }
    public string? Note { get; set; }
    public bool Done { get; set; }

    public static HandoverCommonForm From(HandoverCommonItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new() { Kind = item.Kind, Note = item.Note, Done = item.Done };
    }

    public HandoverCommonItem ToItem() => new(Kind, Note ?? "", Done);
}
