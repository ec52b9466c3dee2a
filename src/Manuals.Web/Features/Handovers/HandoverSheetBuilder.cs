using Manuals.Core.Handovers;
using Manuals.Web.Shared;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Handovers;

/// <summary>
/// Turns a handover into the printed checklist of DESIGN.md ("Handover checklist"): header, one row per task with its
/// frequency and next due date, manual state, successor and four boxes, the common items, the password notice and the
/// three signature boxes — every string in the reader's language. The print page and the PDF both show this.
/// </summary>
public sealed class HandoverSheetBuilder(IStringLocalizer<SharedResource> l, TimeDisplay time)
{
    private static readonly HandoverChecks[] Boxes =
        [HandoverChecks.ManualChecked, HandoverChecks.DoneTogether, HandoverChecks.DoneAlone, HandoverChecks.AccessTransferred];

    public HandoverSheet Build(HandoverDetailPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var handover = page.Handover;
        var view = page.View;
        var successors = handover.Items.Select(i => page.EmployeeName(i.SuccessorId)).Where(n => n.Length > 0).Distinct().ToList();
        var header = new List<HandoverSheetField>
        {
            new(l["Handovers.Sheet.From"], $"{handover.EmployeeName}（{view.DepartmentName(handover.DepartmentId)}）"),
            new(l["Handovers.Sheet.To"], successors.Count == 0 ? l["Handovers.Successor.None"] : string.Join("、", successors)),
            new(l["Handovers.Field.Reason"], l[$"Handovers.Reason.{handover.Reason}"]),
            new(l["Handovers.Field.EffectiveDate"], HandoverText.Day(handover.EffectiveDate)),
            new(l["Handovers.Field.Manager"], handover.ManagerName),
            new(l["Handovers.Sheet.Created"], time.Format(handover.CreatedAt)),
            new(l["Handovers.Field.Status"], l[$"Handovers.Status.{handover.Status}"]),
        };
        var rows = handover.Items.Select(item =>
        {
            var task = page.TaskOf(item.TaskId);
            var schedule = task is null ? "" : $"{l[$"Coverage.Frequency.{task.Frequency}"]} {task.Timing}".Trim();
            var next = item.DueBefore ?? item.DueAfter;
            if (next is { } due)
            {
                schedule += "\n" + l["Handovers.Sheet.NextDue", HandoverText.Day(due)];
            }

            var state = page.ManualStateOf(item.TaskId);
            var manual = state is { } usability ? l[$"Coverage.Usability.{usability}"].Value : l["Handovers.Manual.None"].Value;
            var successor = page.EmployeeName(item.SuccessorId);
            return new HandoverSheetRow(
                item.TaskName,
                schedule,
                manual,
                successor.Length == 0 ? l["Handovers.Successor.None"] : successor,
                Boxes.Select(item.Has).ToList());
        }).ToList();
        return new HandoverSheet(
            l["Handovers.Sheet.Title"],
            header,
            [
                l["Handovers.Column.Task"], l["Handovers.Column.Schedule"], l["Handovers.Column.Manual"], l["Handovers.Column.Successor"],
                .. Boxes.Select(b => l[$"Handovers.Check.{b}"].Value),
            ],
            rows,
            l["Handovers.Items.Empty"],
            l["Handovers.Common.Heading"],
            handover.CommonItems.Select(c => new HandoverSheetCheck(l[$"Handovers.Common.{c.Kind}"], c.Note, c.Done)).ToList(),
            l["Handovers.PasswordNotice"],
            l["Handovers.SignOff.Heading"],
            page.SignOffs.Select(Signature).ToList());
    }

    /// <summary>One box per person: 前任者, each 後任者 by name, 管理者; filled in when signed in the app (saying when on someone's behalf).</summary>
    private HandoverSheetSignature Signature(SignOffBox box)
    {
        var role = l[$"Handovers.SignOff.{box.Slot.Role}"].Value;
        var label = box.Slot.Role == SignOffRole.Manager || box.Slot.Name.Length == 0 ? role : l["Handovers.Sheet.SignOffFor", role, box.Slot.Name].Value;
        if (box.Signature is not { } signature)
        {
            return new HandoverSheetSignature(label, "", "");
        }

        var name = signature.OnBehalf ? l["Handovers.Sheet.SignedOnBehalf", signature.Name, signature.RecordedByName].Value : signature.Name;
        return new HandoverSheetSignature(label, name, HandoverText.Day(signature.SignedOn));
    }
}
