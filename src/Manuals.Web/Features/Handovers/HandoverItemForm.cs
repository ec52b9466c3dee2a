using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>One checklist row of the form: successor, due dates, the four boxes, a note, and 削除.</summary>
public sealed class HandoverItemForm
{
    public long TaskId { get; set; }
    public long? SuccessorId { get; set; }
    public DateOnly? DueBefore { get; set; }
    public DateOnly? DueAfter { get; set; }
    public bool ManualChecked { get; set; }
    public bool DoneTogether { get; set; }
    public bool DoneAlone { get; set; }
    public bool AccessTransferred { get; set; }
    public string? Note { get; set; }
    public bool Remove { get; set; }

    public static HandoverItemForm From(HandoverItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            TaskId = item.TaskId,
            SuccessorId = item.SuccessorId,
            DueBefore = item.DueBefore,
            DueAfter = item.DueAfter,
            ManualChecked = item.Has(HandoverChecks.ManualChecked),
            DoneTogether = item.Has(HandoverChecks.DoneTogether),
            DoneAlone = item.Has(HandoverChecks.DoneAlone),
            AccessTransferred = item.Has(HandoverChecks.AccessTransferred),
            Note = item.Note,
        };
    }

    public HandoverItemEdit ToEdit() => new(
        TaskId,
        SuccessorId,
        DueBefore,
        DueAfter,
        (ManualChecked ? HandoverChecks.ManualChecked : 0)
            | (DoneTogether ? HandoverChecks.DoneTogether : 0)
            | (DoneAlone ? HandoverChecks.DoneAlone : 0)
            | (AccessTransferred ? HandoverChecks.AccessTransferred : 0),
        Note ?? "",
        Remove);

    /// <summary>Whether the box is ticked, in the order the sheet prints them.</summary>
    public bool Has(HandoverChecks check) => check switch
    {
        HandoverChecks.ManualChecked => ManualChecked,
        HandoverChecks.DoneTogether => DoneTogether,
        HandoverChecks.DoneAlone => DoneAlone,
        HandoverChecks.AccessTransferred => AccessTransferred,
        _ => false,
    };
}
