using Manuals.Core.Accounts;
using Manuals.Core.Calendar;
using Manuals.Core.Common;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Notifications;

namespace Manuals.Core.Reading;

/// <summary>
/// Required reading (必読): an Editor or Admin of a manual assigns it to people or whole departments with a due date in
/// business days; each assignee confirms 「読みました」 for the current revision; a revision saved as 重要な変更 asks them
/// again. Those who may edit the manual see where everyone stands.
/// </summary>
public sealed class RequiredReadingService(
    IManualStore manuals,
    IBusinessTaskStore tasks,
    IRequiredReadingStore store,
    ICheckQuestionStore questions,
    IAccountDirectory accounts,
    IDepartmentStore departments,
    Notifier notifier,
    TimeProvider clock)
{
    /// <summary>
    /// Assigns the manual. Only those who may edit it; every person and every member of a department must be able to
    /// read it (a 部署限定 manual goes only to its own department).
    /// </summary>
    /// <param name="today">Today in the company's time zone: the due date counts business days from it.</param>
    /// <returns>On <see cref="SaveOutcome.Saved"/>, <see cref="SaveResult.Current"/> is the manual (for the audit log).</returns>
    public async Task<SaveResult> AssignAsync(
        Viewer viewer, long manualId, ReadingAssignment assignment, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(assignment);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return new SaveResult(SaveOutcome.NotFound, manualId, null, []);
        }

        if (!ManualAccessPolicy.CanEdit(viewer, manual))
        {
            return new SaveResult(SaveOutcome.Forbidden, manualId, null, []);
        }

        var errors = await ValidateAsync(manual, assignment, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, manualId, null, errors);
        }

        var dueOn = BusinessCalendar.AddBusinessDays(today, assignment.BusinessDays);
        await store.AssignAsync(manualId, assignment.UserIds, assignment.DepartmentIds, dueOn, viewer.UserId, clock.GetUtcNow(), cancellationToken);
        await NotifyAssignedAsync(manual, assignment, dueOn, cancellationToken);
        return new SaveResult(SaveOutcome.Saved, manualId, manual, []);
    }

    /// <summary>
    /// Assigns every manual linked to <paramref name="taskIds"/> that the viewer may edit (the others are skipped and
    /// returned), as <see cref="AssignAsync"/> does for one: nothing is assigned when any of them cannot go to the
    /// chosen people or departments, and the errors name the manual.
    /// </summary>
    public async Task<TaskReadingResult> AssignTasksAsync(
        Viewer viewer, IReadOnlyCollection<long> taskIds, ReadingAssignment assignment, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(taskIds);
        ArgumentNullException.ThrowIfNull(assignment);
        var chosen = new List<BusinessTask>();
        foreach (var id in taskIds.Distinct())
        {
            if (await tasks.FindAsync(id, cancellationToken) is not { } task)
            {
                return TaskReadingResult.Invalid([new ManualError(null, new ValidationError("TaskIds", "InvalidChoice"))]);
            }

            chosen.Add(task);
        }

        if (chosen.Count == 0)
        {
            return TaskReadingResult.Invalid([new ManualError(null, new ValidationError("TaskIds", "NoTask"))]);
        }

        var editable = new List<Manual>();
        var skipped = new List<Manual>();
        foreach (var manualId in chosen.SelectMany(t => t.ManualIds).Distinct())
        {
            if (await manuals.FindAsync(manualId, cancellationToken) is { } manual)
            {
                (ManualAccessPolicy.CanEdit(viewer, manual) ? editable : skipped).Add(manual);
            }
        }

        if (editable.Count == 0)
        {
            return TaskReadingResult.Invalid([new ManualError(null, new ValidationError("TaskIds", "NoEditableManual"))]);
        }

        // An error of the form itself (no one chosen, a bad due date, an unknown choice) once; one about a manual with its title.
        var errors = new List<ManualError>();
        foreach (var manual in editable)
        {
            foreach (var error in await ValidateAsync(manual, assignment, cancellationToken))
            {
                var general = error.Code is "NoAssignee" or "BusinessDaysOutOfRange" or "InvalidChoice";
                var item = new ManualError(general ? null : manual.Title, error);
                if (!errors.Contains(item))
                {
                    errors.Add(item);
                }
            }
        }

        if (errors.Count > 0)
        {
            return TaskReadingResult.Invalid(errors);
        }

        var dueOn = BusinessCalendar.AddBusinessDays(today, assignment.BusinessDays);
        foreach (var manual in editable)
        {
            await store.AssignAsync(manual.Id, assignment.UserIds, assignment.DepartmentIds, dueOn, viewer.UserId, clock.GetUtcNow(), cancellationToken);
            await NotifyAssignedAsync(manual, assignment, dueOn, cancellationToken);
        }

        return new TaskReadingResult(SaveOutcome.Saved, editable, skipped, []);
    }

    /// <summary>
    /// Sends the 「必読に指定されました」 notification to everyone the assignment reaches now: the people named and the
    /// enabled members of the departments (who may read the manual).
    /// </summary>
    private async Task NotifyAssignedAsync(Manual manual, ReadingAssignment assignment, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var named = assignment.UserIds.ToHashSet();
        var recipients = (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && (named.Contains(u.Id) || u.DepartmentIds.Any(assignment.DepartmentIds.Contains)))
            .Where(u => ManualAccessPolicy.CanRead(u.AsViewer(), manual))
            .Select(u => u.Id)
            .ToList();
        var day = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(
            recipients,
            new NotificationMessage(NotificationKind.ReadingAssigned, [manual.Title, day], $"/manuals/{manual.Id}"),
            cancellationToken);
    }

    /// <summary>What is wrong with assigning <paramref name="manual"/> as <paramref name="assignment"/> asks.</summary>
    private async Task<List<ValidationError>> ValidateAsync(Manual manual, ReadingAssignment assignment, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (assignment.UserIds.Count == 0 && assignment.DepartmentIds.Count == 0)
        {
            errors.Add(new ValidationError("Assignees", "NoAssignee"));
        }

        if (assignment.BusinessDays is < 1 or > ReadingAssignment.MaxBusinessDays)
        {
            errors.Add(new ValidationError("BusinessDays", "BusinessDaysOutOfRange", ReadingAssignment.MaxBusinessDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var users = (await accounts.ListAsync(cancellationToken)).Where(u => !u.IsDisabled).ToDictionary(u => u.Id);
        var unknownOrBarred = assignment.UserIds
            .Where(id => !users.TryGetValue(id, out var user) || !ManualAccessPolicy.CanRead(user.AsViewer(), manual))
            .ToList();
        if (unknownOrBarred.Count > 0)
        {
            errors.Add(new ValidationError("UserIds", "AssigneeCannotRead", string.Join("、", unknownOrBarred.Select(id => users.TryGetValue(id, out var u) ? u.DisplayName : id.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        var known = (await departments.ListAsync(cancellationToken)).Select(d => d.Id).ToHashSet();
        if (assignment.DepartmentIds.Any(d => !known.Contains(d)))
        {
            errors.Add(new ValidationError("DepartmentIds", "InvalidChoice"));
        }
        else if (manual.Visibility == ManualVisibility.Department && assignment.DepartmentIds.Any(d => d != manual.DepartmentId))
        {
            errors.Add(new ValidationError("DepartmentIds", "DepartmentCannotRead"));
        }

        return errors;
    }

    /// <summary>
    /// 「読みました」: the viewer confirms the manual's current revision; only a manual assigned to them that they may read.
    /// With a 理解度チェック every answer must be right: a complete set of answers counts as an attempt for the manager
    /// to see, and the wrong questions' numbers come back (never the right answers).
    /// </summary>
    /// <param name="answers">The chosen answer's index per question, in order; null where none was chosen.</param>
    public async Task<ConfirmResult> ConfirmAsync(
        Viewer viewer, long manualId, IReadOnlyList<int?> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(answers);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return ConfirmResult.Of(SaveOutcome.NotFound);
        }

        if (!ManualAccessPolicy.CanRead(viewer, manual))
        {
            return ConfirmResult.Of(SaveOutcome.Forbidden);
        }

        if (!(await store.ListForUserAsync(viewer.UserId, cancellationToken)).Any(r => r.ManualId == manualId))
        {
            return ConfirmResult.Of(SaveOutcome.Invalid);
        }

        var check = await questions.ListAsync(manualId, cancellationToken);
        var now = clock.GetUtcNow();
        if (check.Count > 0)
        {
            var wrong = CheckQuestions.Mark(check, answers);
            var complete = answers.Count >= check.Count && answers.Take(check.Count).All(a => a is not null);
            if (complete)
            {
                await questions.RecordAttemptAsync(manualId, viewer.UserId, wrong.Count == 0, now, cancellationToken);
            }

            if (wrong.Count > 0)
            {
                return new ConfirmResult(SaveOutcome.Invalid, wrong);
            }
        }

        await store.ConfirmAsync(manualId, viewer.UserId, manual.RevisionNumber, now, cancellationToken);
        return ConfirmResult.Of(SaveOutcome.Saved);
    }

    /// <summary>The manual's 理解度チェック for its editor; only for those who may edit the manual.</summary>
    public async Task<(SaveOutcome Outcome, Manual? Manual, IReadOnlyList<CheckQuestion> Questions)> QuestionsAsync(
        Viewer viewer, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return (SaveOutcome.NotFound, null, []);
        }

        return ManualAccessPolicy.CanEdit(viewer, manual)
            ? (SaveOutcome.Saved, manual, await questions.ListAsync(manualId, cancellationToken))
            : (SaveOutcome.Forbidden, manual, []);
    }

    /// <summary>Replaces the manual's 理解度チェック (none removes it); only for those who may edit the manual.</summary>
    /// <returns>On <see cref="SaveOutcome.Saved"/>, <see cref="SaveResult.Current"/> is the manual (for the audit log).</returns>
    public async Task<SaveResult> SaveQuestionsAsync(
        Viewer viewer, long manualId, IReadOnlyList<CheckQuestion> check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(check);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return new SaveResult(SaveOutcome.NotFound, manualId, null, []);
        }

        if (!ManualAccessPolicy.CanEdit(viewer, manual))
        {
            return new SaveResult(SaveOutcome.Forbidden, manualId, null, []);
        }

        var errors = CheckQuestions.Validate(check);
        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, manualId, null, errors);
        }

        await questions.ReplaceAsync(manualId, check, cancellationToken);
        return new SaveResult(SaveOutcome.Saved, manualId, manual, []);
    }

    /// <summary>
    /// Everyone the manual is assigned to and where they stand, and the assignments themselves; only for those who may
    /// edit it.
    /// </summary>
    /// <returns>The outcome says whether the manual exists and the viewer may see it.</returns>
    public async Task<(SaveOutcome Outcome, Manual? Manual, IReadOnlyList<ReadingRow> Rows, IReadOnlyList<ReadingTarget> Targets)> StatusAsync(
        Viewer viewer, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return (SaveOutcome.NotFound, null, [], []);
        }

        return ManualAccessPolicy.CanEdit(viewer, manual)
            ? (SaveOutcome.Saved, manual, await store.ListForManualAsync(manualId, cancellationToken), await store.ListTargetsAsync(manualId, cancellationToken))
            : (SaveOutcome.Forbidden, manual, [], []);
    }

    /// <summary>
    /// The required reading of everyone in a department, for its Editors and Admins: each person's manuals (only those
    /// the viewer may read, so a title never leaks) with where they stand.
    /// </summary>
    /// <returns>Forbidden for anyone else; the rows with each manual's title.</returns>
    public async Task<(SaveOutcome Outcome, IReadOnlyList<(ReadingRow Row, string Title)> Rows)> DepartmentStatusAsync(
        Viewer viewer, long departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!(viewer.IsAdmin || (viewer.IsWriter && viewer.BelongsTo(departmentId))))
        {
            return (SaveOutcome.Forbidden, []);
        }

        var readable = (await manuals.ListAsync(null, cancellationToken))
            .Where(m => ManualAccessPolicy.CanRead(viewer, m))
            .ToDictionary(m => m.Id, m => m.Title);
        var rows = (await store.ListForDepartmentAsync(departmentId, cancellationToken))
            .Where(r => readable.ContainsKey(r.ManualId))
            .Select(r => (r, readable[r.ManualId]))
            .ToList();
        return (SaveOutcome.Saved, rows);
    }

    /// <summary>Takes one assignment off the manual (people keep what they confirmed); only for those who may edit it.</summary>
    /// <returns>The outcome, and on <see cref="SaveOutcome.Saved"/> the manual and the assignment taken off (for the audit log).</returns>
    public async Task<(SaveOutcome Outcome, Manual? Manual, ReadingTarget? Target)> UnassignAsync(
        Viewer viewer, long manualId, long targetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(manualId, cancellationToken);
        if (manual is null)
        {
            return (SaveOutcome.NotFound, null, null);
        }

        if (!ManualAccessPolicy.CanEdit(viewer, manual))
        {
            return (SaveOutcome.Forbidden, manual, null);
        }

        var target = (await store.ListTargetsAsync(manualId, cancellationToken)).FirstOrDefault(t => t.Id == targetId);
        return target is not null && await store.RemoveAsync(manualId, targetId, cancellationToken)
            ? (SaveOutcome.Saved, manual, target)
            : (SaveOutcome.NotFound, manual, null);
    }
}
