using System.Globalization;
using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Core.Notifications;

namespace Manuals.Core.Handovers;

/// <summary>
/// Starting, editing, signing, completing and reopening handovers: validation, the access policy and the audit trail
/// in one place. Validation codes are localised by the web layer as <c>Handovers.Validation.{Code}</c>.
/// </summary>
public sealed class HandoverService(
    IHandoverStore store, CoverageReader coverage, IManualStore manuals, IAccountDirectory accounts, Notifier notifier, TimeProvider clock)
{
    public async Task<HandoverResult> StartAsync(Viewer viewer, Author author, HandoverStart start, CoverageMoment moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(moment);
        var snapshot = await coverage.ReadAsync(cancellationToken);
        if (!snapshot.EmployeesById.TryGetValue(start.EmployeeId, out var employee))
        {
            return HandoverResult.Invalid(0, new ValidationError(nameof(start.EmployeeId), "EmployeeUnknown"));
        }

        if (!HandoverAccessPolicy.CanManage(viewer, employee.DepartmentId))
        {
            return HandoverResult.Failed(SaveOutcome.Forbidden);
        }

        var errors = ValidateHeader(start.Reason, start.EffectiveDate, start.ManagerName, start.Note, moment.Today).ToList();
        var open = await store.ListAsync(new HandoverFilter(HandoverStatus.InProgress, EmployeeId: employee.Id), cancellationToken);
        if (open.Count > 0)
        {
            errors.Add(new(nameof(start.EmployeeId), "AlreadyOpen", open[0].Id.ToString(CultureInfo.InvariantCulture)));
        }

        if (errors.Count > 0)
        {
            return new HandoverResult(SaveOutcome.Invalid, 0, errors);
        }

        var now = clock.GetUtcNow();
        var handover = new Handover
        {
            EmployeeId = employee.Id,
            EmployeeName = employee.Name,
            DepartmentId = employee.DepartmentId,
            Reason = start.Reason,
            EffectiveDate = start.EffectiveDate,
            ManagerName = start.ManagerName.Trim(),
            Note = start.Note.Trim(),
            Status = HandoverStatus.InProgress,
            Version = 1,
            CreatedByName = author.Name,
            CreatedAt = now,
            UpdatedAt = now,
            Items = HandoverPlanner.PlanItems(employee.Id, snapshot, moment.Today, start.EffectiveDate),
            CommonItems = Enum.GetValues<CommonItemKind>().Select(k => new HandoverCommonItem(k, "", false)).ToList(),
        };
        var started = Event(HandoverEventKind.Started, author, now, employee.Name, start.Reason.ToString(), Iso(start.EffectiveDate));
        handover.Id = await store.CreateAsync(handover, started, cancellationToken);
        await NotifySuccessorsAsync(handover, [], snapshot, cancellationToken);
        return HandoverResult.Saved(handover.Id);
    }

    /// <summary>Saves the checklist form. Items keep their place; a removed row goes, an added task is planned like the others.</summary>
    public async Task<HandoverResult> SaveAsync(Viewer viewer, Author author, long id, HandoverEdit edit, CoverageMoment moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(moment);
        var (handover, failure) = await FindOpenAsync(viewer, id, cancellationToken);
        if (handover is null)
        {
            return failure!;
        }

        if (handover.Version != edit.Version)
        {
            return HandoverResult.Failed(SaveOutcome.Conflict, id);
        }

        var snapshot = await coverage.ReadAsync(cancellationToken);
        var successorsBefore = handover.SuccessorIds;
        var errors = ValidateHeader(edit.Reason, edit.EffectiveDate, edit.ManagerName, edit.Note, moment.Today).ToList();
        var current = handover.Items.ToDictionary(i => i.TaskId);
        var items = new List<HandoverItem>();
        var sent = new HashSet<long>();
        foreach (var (row, index) in edit.Items.Select((r, i) => (r, i)))
        {
            // A task sent twice (a tampered form) counts once, as its first row says: the store keeps one row per task.
            if (!sent.Add(row.TaskId) || !current.TryGetValue(row.TaskId, out var item) || row.Remove)
            {
                continue;
            }

            var field = $"Items[{index}]";
            if (row.SuccessorId is { } successorId && !snapshot.EmployeesById.ContainsKey(successorId))
            {
                errors.Add(new($"{field}.{nameof(row.SuccessorId)}", "SuccessorUnknown", item.TaskName));
            }
            else if (row.SuccessorId == handover.EmployeeId)
            {
                errors.Add(new($"{field}.{nameof(row.SuccessorId)}", "SuccessorIsPredecessor", item.TaskName));
            }

            if (row.Note.Length > HandoverLimits.NoteMaxLength)
            {
                errors.Add(new($"{field}.{nameof(row.Note)}", "NoteTooLong", item.TaskName));
            }

            items.Add(new HandoverItem
            {
                TaskId = item.TaskId,
                TaskName = item.TaskName,
                Basis = item.Basis,
                SuccessorId = row.SuccessorId,
                DueBefore = row.DueBefore,
                DueAfter = row.DueAfter,
                Checks = row.Checks & AllChecks,
                Note = row.Note.Trim(),
            });
        }

        // Rows the form did not send (another tab added them) stay as they are.
        items.AddRange(handover.Items.Where(i => edit.Items.All(r => r.TaskId != i.TaskId)));
        BusinessTask? added = null;
        if (edit.AddTaskId is { } addId)
        {
            var task = snapshot.Tasks.FirstOrDefault(t => t.Id == addId);
            if (task is null)
            {
                errors.Add(new(nameof(edit.AddTaskId), "TaskUnknown"));
            }
            else if (items.Any(i => i.TaskId == addId))
            {
                errors.Add(new(nameof(edit.AddTaskId), "TaskAlreadyListed", task.Name));
            }
            else
            {
                added = task;
            }
        }

        var commons = Enum.GetValues<CommonItemKind>()
            .Select(k => edit.CommonItems.FirstOrDefault(c => c.Kind == k) ?? handover.CommonItems.FirstOrDefault(c => c.Kind == k) ?? new(k, "", false))
            .Select(c => c with { Note = c.Note.Trim() })
            .ToList();
        errors.AddRange(commons.Where(c => c.Note.Length > HandoverLimits.NoteMaxLength)
            .Select(c => new ValidationError($"CommonItems[{(int)c.Kind}].Note", "NoteTooLong")));
        if (errors.Count > 0)
        {
            return new HandoverResult(SaveOutcome.Invalid, id, errors);
        }

        // Planned only once the effective date is known to be valid: due dates outside the calendar's years throw.
        if (added is not null)
        {
            var basis = HandoverPlanner.BasisOf(handover.EmployeeId, added, snapshot, moment.Today);
            items.Add(HandoverPlanner.PlanItem(added, basis, handover.EmployeeId, snapshot, moment.Today, edit.EffectiveDate));
        }

        handover.Reason = edit.Reason;
        handover.EffectiveDate = edit.EffectiveDate;
        handover.ManagerName = edit.ManagerName.Trim();
        handover.Note = edit.Note.Trim();
        handover.Items = items;
        handover.CommonItems = commons;
        handover.UpdatedAt = clock.GetUtcNow();
        var saved = await store.SaveAsync(handover, edit.Version, Event(HandoverEventKind.Saved, author, handover.UpdatedAt), cancellationToken);
        if (!saved)
        {
            return HandoverResult.Failed(SaveOutcome.Conflict, id);
        }

        await NotifySuccessorsAsync(handover, successorsBefore, snapshot, cancellationToken);
        return HandoverResult.Saved(id);
    }

    /// <summary>
    /// Tells each successor (後任者) newly named on the handover, through the sign-in account linked to their employee
    /// record, once per handover.
    /// </summary>
    private async Task NotifySuccessorsAsync(
        Handover handover, IReadOnlyList<long> before, CoverageSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var employeeId in handover.SuccessorIds.Except(before))
        {
            if (snapshot.EmployeesById.TryGetValue(employeeId, out var successor) && successor.UserId is { } userId)
            {
                await notifier.NotifyAsync(
                    [userId],
                    new NotificationMessage(
                        NotificationKind.HandoverSuccessor,
                        [handover.EmployeeName, Iso(handover.EffectiveDate)],
                        $"/handovers/{handover.Id}/sign-off",
                        $"handover-successor:{handover.Id}:{employeeId}"),
                    cancellationToken);
            }
        }
    }

    /// <summary>
    /// Records the sign-off in the box of <paramref name="role"/> and <paramref name="employeeId"/> (0 for the manager's)
    /// as <see cref="HandoverAccessPolicy.SignOffRightOf"/> allows: the person's own account, or on their behalf, recorded
    /// as such. The name comes from the box (the manager's: the signer's own), never from the form.
    /// </summary>
    public async Task<HandoverResult> SignAsync(
        Viewer viewer, Author author, long id, SignOffRole role, long employeeId, DateOnly signedOn, CoverageMoment moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(moment);
        var (handover, box, failure) = await FindBoxAsync(viewer, id, role, employeeId, cancellationToken);
        if (box is null)
        {
            return failure!;
        }

        if (box.Signature is not null)
        {
            return HandoverResult.Failed(SaveOutcome.Conflict, id);
        }

        if (box.Right == SignOffRight.None)
        {
            return HandoverResult.Failed(SaveOutcome.Forbidden, id);
        }

        if (!InputDates.IsSupported(signedOn) || Math.Abs(signedOn.DayNumber - moment.Today.DayNumber) > HandoverLimits.EffectiveDateRangeDays)
        {
            return HandoverResult.Invalid(id, new ValidationError("SignedOn", "DateOutOfRange"));
        }

        var now = clock.GetUtcNow();
        var onBehalf = box.Right == SignOffRight.OnBehalf;
        var name = role == SignOffRole.Manager ? author.Name : box.Slot.Name;
        var signature = new HandoverSignature(role, box.Slot.EmployeeId, name, signedOn, viewer.UserId, author.Name, now, onBehalf);
        var entry = onBehalf
            ? Event(HandoverEventKind.SignedOffOnBehalf, author, now, role.ToString(), name, Iso(signedOn))
            : Event(HandoverEventKind.SignedOff, author, now, role.ToString(), name, Iso(signedOn));
        return await store.SignAsync(handover!.Id, signature, entry, cancellationToken) ? HandoverResult.Saved(id) : HandoverResult.Failed(SaveOutcome.Conflict, id);
    }

    /// <summary>Withdraws a sign-off: the person whose box it is, whoever recorded it, or an Admin (<see cref="HandoverAccessPolicy.CanWithdraw"/>).</summary>
    public async Task<HandoverResult> UnsignAsync(Viewer viewer, Author author, long id, SignOffRole role, long employeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        var (_, box, failure) = await FindBoxAsync(viewer, id, role, employeeId, cancellationToken);
        if (box is null)
        {
            return failure!;
        }

        if (box.Signature is not { } signature)
        {
            return HandoverResult.Failed(SaveOutcome.NotFound, id);
        }

        if (!box.CanWithdraw)
        {
            return HandoverResult.Failed(SaveOutcome.Forbidden, id);
        }

        var entry = Event(HandoverEventKind.SignOffWithdrawn, author, clock.GetUtcNow(), role.ToString(), signature.Name);
        return await store.UnsignAsync(id, role, box.Slot.EmployeeId, entry, cancellationToken)
            ? HandoverResult.Saved(id)
            : HandoverResult.Failed(SaveOutcome.Conflict, id);
    }

    /// <summary>Completes a signed-off handover at <paramref name="version"/> and applies its effects in one transaction.</summary>
    public async Task<HandoverResult> CompleteAsync(Viewer viewer, Author author, long id, int version, CoverageMoment moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(moment);
        var (handover, failure) = await FindOpenAsync(viewer, id, cancellationToken);
        if (handover is null)
        {
            return failure!;
        }

        if (handover.Version != version)
        {
            return HandoverResult.Failed(SaveOutcome.Conflict, id);
        }

        if (!handover.IsSignedOff)
        {
            return HandoverResult.Invalid(id, new ValidationError("SignOff", "NotSignedOff"));
        }

        var snapshot = await coverage.ReadAsync(cancellationToken);
        var rights = CompletionRights.Of(viewer, await accounts.ListAsync(cancellationToken));
        var plan = HandoverCompletion.Plan(handover, snapshot, await manuals.ListAsync(null, cancellationToken), moment.Today, rights);
        var now = clock.GetUtcNow();
        var events = new List<HandoverEvent> { Event(HandoverEventKind.Completed, author, now) };
        var taskNames = snapshot.Tasks.ToDictionary(t => t.Id, t => t.Name);
        events.AddRange(plan.MatrixEdits.Select(e => Event(
            HandoverEventKind.MatrixChanged,
            author,
            now,
            taskNames.GetValueOrDefault(e.TaskId, ""),
            snapshot.EmployeesById.TryGetValue(e.EmployeeId, out var person) ? person.Name : "",
            ((int)e.FromLevel).ToString(CultureInfo.InvariantCulture),
            ((int)e.ToLevel).ToString(CultureInfo.InvariantCulture),
            e.FromRole.ToString(),
            e.ToRole.ToString())));
        events.AddRange(plan.OwnerMoves.Select(m => Event(HandoverEventKind.OwnerMoved, author, now, m.Title, m.FromName, m.ToName)));
        if (plan.NewStatus is { } status)
        {
            events.Add(Event(HandoverEventKind.StatusChanged, author, now, handover.EmployeeName, status.ToString(), Iso(plan.StatusDate)));
        }

        return await store.CompleteAsync(id, version, plan, author, events, now, cancellationToken)
            ? HandoverResult.Saved(id)
            : HandoverResult.Failed(SaveOutcome.Conflict, id);
    }

    /// <summary>Reopens a completed handover with a reason. What completion changed stays changed.</summary>
    public async Task<HandoverResult> ReopenAsync(Viewer viewer, Author author, long id, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(author);
        var (handover, failure) = await FindManagedAsync(viewer, id, cancellationToken);
        if (handover is null)
        {
            return failure!;
        }

        reason = (reason ?? "").Trim();
        if (TextInput.IsBlank(reason))
        {
            return HandoverResult.Invalid(id, new ValidationError("Reason", "ReopenReasonRequired"));
        }

        if (reason.Length > HandoverLimits.ReasonMaxLength)
        {
            return HandoverResult.Invalid(id, new ValidationError("Reason", "ReopenReasonTooLong"));
        }

        var reopened = Event(HandoverEventKind.Reopened, author, clock.GetUtcNow(), reason);
        return await store.ReopenAsync(id, reopened, cancellationToken) ? HandoverResult.Saved(id) : HandoverResult.Failed(SaveOutcome.Conflict, id);
    }

    private const HandoverChecks AllChecks =
        HandoverChecks.ManualChecked | HandoverChecks.DoneTogether | HandoverChecks.DoneAlone | HandoverChecks.AccessTransferred;

    /// <summary>The handover when it exists and the viewer may manage it; otherwise why not (404, 403).</summary>
    private async Task<(Handover? Handover, HandoverResult? Failure)> FindManagedAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var handover = await store.FindAsync(id, cancellationToken);
        if (handover is null)
        {
            return (null, HandoverResult.Failed(SaveOutcome.NotFound, id));
        }

        return HandoverAccessPolicy.CanManage(viewer, handover.DepartmentId)
            ? (handover, null)
            : (null, HandoverResult.Failed(SaveOutcome.Forbidden, id));
    }

    /// <summary>
    /// An open handover's sign-off box as the viewer sees it; 404 for an unknown handover or box, 403 for someone who
    /// may not open the handover, 409 once it is completed.
    /// </summary>
    private async Task<(Handover? Handover, SignOffBox? Box, HandoverResult? Failure)> FindBoxAsync(
        Viewer viewer, long id, SignOffRole role, long employeeId, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        if (handover is null)
        {
            return (null, null, HandoverResult.Failed(SaveOutcome.NotFound, id));
        }

        var employees = (await coverage.ReadAsync(cancellationToken)).EmployeesById;
        if (!HandoverAccessPolicy.CanView(viewer, handover, HandoverSignOffs.ParticipantUserIds(handover, employees)))
        {
            return (null, null, HandoverResult.Failed(SaveOutcome.Forbidden, id));
        }

        if (handover.IsCompleted)
        {
            return (null, null, HandoverResult.Failed(SaveOutcome.Conflict, id));
        }

        var box = HandoverSignOffs.Boxes(viewer, handover, employees)
            .FirstOrDefault(b => b.Slot.Role == role && (role == SignOffRole.Manager || b.Slot.EmployeeId == employeeId));
        return box is null ? (null, null, HandoverResult.Failed(SaveOutcome.NotFound, id)) : (handover, box, null);
    }

    /// <summary>As <see cref="FindManagedAsync"/>, and still open: a completed handover changes only by reopening it (409).</summary>
    private async Task<(Handover? Handover, HandoverResult? Failure)> FindOpenAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var (handover, failure) = await FindManagedAsync(viewer, id, cancellationToken);
        return handover is { IsCompleted: true } ? (null, HandoverResult.Failed(SaveOutcome.Conflict, id)) : (handover, failure);
    }

    private static IEnumerable<ValidationError> ValidateHeader(HandoverReason reason, DateOnly effectiveDate, string manager, string note, DateOnly today)
    {
        if (!Enum.IsDefined(reason))
        {
            yield return new(nameof(HandoverStart.Reason), "ReasonUnknown");
        }

        if (!InputDates.IsSupported(effectiveDate) || Math.Abs(effectiveDate.DayNumber - today.DayNumber) > HandoverLimits.EffectiveDateRangeDays)
        {
            yield return new(nameof(HandoverStart.EffectiveDate), "DateOutOfRange");
        }

        manager = (manager ?? "").Trim();
        if (TextInput.IsBlank(manager))
        {
            yield return new(nameof(HandoverStart.ManagerName), "ManagerRequired");
        }
        else if (manager.Length > HandoverLimits.NameMaxLength)
        {
            yield return new(nameof(HandoverStart.ManagerName), "ManagerTooLong");
        }

        if ((note ?? "").Length > HandoverLimits.NoteMaxLength)
        {
            yield return new(nameof(HandoverStart.Note), "NoteTooLong");
        }
    }

    private static HandoverEvent Event(HandoverEventKind kind, Author author, DateTimeOffset at, params string[] args) =>
        new(kind, args, author.Name, at);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
