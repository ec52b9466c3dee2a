using Manuals.Core.Accounts;
using Manuals.Core.Approvals;
using Manuals.Core.Departments;
using Manuals.Core.Templates;

namespace Manuals.Core.Manuals;

/// <summary>Creating and saving manuals: validation, the access policy and optimistic concurrency in one place.</summary>
public sealed class ManualService(
    IManualStore manuals,
    IDepartmentStore departments,
    IAccountDirectory accounts,
    TemplateService templates,
    IApprovalStore approvals,
    ApprovalNotices notices,
    TimeProvider clock)
{
    /// <summary>Creates a manual owned by the viewer, as revision 1.</summary>
    public async Task<SaveResult> CreateAsync(Viewer viewer, Author author, ManualDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = await ValidateAsync(draft, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, 0, null, errors);
        }

        if (!ManualAccessPolicy.CanCreateIn(viewer, draft.DepartmentId))
        {
            return SaveResult.Failed(SaveOutcome.Forbidden);
        }

        var stages = await approvals.GetStagesAsync(draft.DepartmentId, cancellationToken);
        if (ApprovalPolicy.NeedsApproval(null, draft, stages))
        {
            // Publishing needs approval here: the manual starts as a 下書き with the text, and the request asks to publish it.
            var now = clock.GetUtcNow();
            var draftId = await manuals.CreateAsync(draft with { Status = ManualStatus.Draft }, author, viewer.UserId, now, cancellationToken);
            var requestId = await approvals.SubmitAsync(draftId, 1, draft, author, stages, now, cancellationToken);
            if (requestId is { } created)
            {
                await notices.WaitingAsync(created, cancellationToken);
            }

            return SaveResult.Saved(draftId) with { ApprovalRequestId = requestId };
        }

        var id = await manuals.CreateAsync(draft, author, viewer.UserId, clock.GetUtcNow(), cancellationToken);
        return SaveResult.Saved(id);
    }

    /// <summary>
    /// Saves a new revision written on top of <paramref name="baseRevision"/>, whose settings (公開範囲, 部署 …) are not
    /// known: on a conflict every setting that differs from the current manual is marked for the writer to decide.
    /// </summary>
    public Task<SaveResult> SaveAsync(
        Viewer viewer, Author author, long id, int baseRevision, ManualDraft draft, CancellationToken cancellationToken) =>
        SaveAsync(viewer, author, id, baseRevision, null, draft, cancellationToken);

    /// <inheritdoc cref="SaveAsync(Viewer, Author, long, int, ManualBaseline?, ManualDraft, CancellationToken)"/>
    public Task<SaveResult> SaveAsync(
        Viewer viewer,
        Author author,
        long id,
        int baseRevision,
        ManualBaseline? baseline,
        ManualDraft draft,
        CancellationToken cancellationToken) =>
        SaveAsync(viewer, author, id, baseRevision, baseline, draft, restore: false, cancellationToken);

    /// <summary>
    /// Saves a new revision written on top of <paramref name="baseRevision"/> (whose settings were
    /// <paramref name="baseline"/>). When the manual has moved on since, nothing is written: the result carries the
    /// current manual and <see cref="SaveResult.Conflict"/>, the writer's edit merged with it from the common base,
    /// for the writer to check and save again.
    /// <para>
    /// In a department with an approval route, a save that publishes the manual or changes a published one as 重要な変更
    /// (a restore counts as one) becomes a request (承認待ち) instead: the manual stays as it was until the last stage
    /// approves. While a request waits, only its writer may save the manual, and only as a new request that replaces it
    /// (approval starts again at stage 1); every other save is refused with <see cref="SaveOutcome.AwaitingApproval"/>.
    /// </para>
    /// </summary>
    private async Task<SaveResult> SaveAsync(
        Viewer viewer,
        Author author,
        long id,
        int baseRevision,
        ManualBaseline? baseline,
        ManualDraft draft,
        bool restore,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(draft);
        var existing = await manuals.FindAsync(id, cancellationToken);
        if (existing is null)
        {
            return SaveResult.Failed(SaveOutcome.NotFound, id);
        }

        if (!ManualAccessPolicy.CanEdit(viewer, existing)
            || (draft.DepartmentId != existing.DepartmentId && !ManualAccessPolicy.CanCreateIn(viewer, draft.DepartmentId)))
        {
            return SaveResult.Failed(SaveOutcome.Forbidden, id);
        }

        var errors = await ValidateAsync(draft, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, id, null, errors);
        }

        if (existing.RevisionNumber == baseRevision && ManualContent.From(existing).IsSameAs(ManualContent.From(draft)))
        {
            // Opened and saved without a change: no new revision, not a byte changed.
            return SaveResult.Saved(id) with { Unchanged = true };
        }

        var open = await approvals.FindOpenAsync(id, cancellationToken);
        var pending = open is { State: ApprovalRequestState.Pending };
        if (pending && open!.RequestedById != viewer.UserId)
        {
            return SaveResult.Failed(SaveOutcome.AwaitingApproval, id) with { Current = existing };
        }

        if (existing.RevisionNumber == baseRevision)
        {
            var stages = await approvals.GetStagesAsync(draft.DepartmentId, cancellationToken);
            if (ApprovalPolicy.NeedsApproval(existing, restore ? draft with { MaterialChange = true } : draft, stages))
            {
                var requestId = await approvals.SubmitAsync(id, baseRevision, draft, author, stages, clock.GetUtcNow(), cancellationToken);
                if (requestId is { } submitted)
                {
                    await notices.WaitingAsync(submitted, cancellationToken);
                }

                return requestId is null
                    ? SaveResult.Failed(SaveOutcome.AwaitingApproval, id) with { Current = existing }
                    : SaveResult.Saved(id) with { Previous = existing, ApprovalRequestId = requestId };
            }

            if (pending)
            {
                // The writer's own save that needs no approval would go live around the waiting request.
                return SaveResult.Failed(SaveOutcome.AwaitingApproval, id) with { Current = existing };
            }
        }

        if (existing.RevisionNumber == baseRevision
            && await manuals.TryUpdateAsync(id, baseRevision, draft, author, clock.GetUtcNow(), cancellationToken))
        {
            return SaveResult.Saved(id) with { Previous = existing };
        }

        var current = await manuals.FindAsync(id, cancellationToken);
        return current is null
            ? SaveResult.Failed(SaveOutcome.NotFound, id)
            : new SaveResult(SaveOutcome.Conflict, id, current, [])
            {
                Conflict = await ConflictAsync(current, baseRevision, baseline, draft, cancellationToken),
            };
    }

    /// <summary>
    /// Merges the draft with the current manual from the revision the writer started from. A base that is not an
    /// earlier revision (a forged or mistyped number) or settings that did not come with the form count as unknown.
    /// </summary>
    private async Task<ManualConflict> ConflictAsync(
        Manual current, int baseRevision, ManualBaseline? baseline, ManualDraft draft, CancellationToken cancellationToken)
    {
        var known = baseline is not null && baseRevision >= 1 && baseRevision < current.RevisionNumber;
        var start = known ? await manuals.FindRevisionAsync(current.Id, baseRevision, cancellationToken) : null;
        var @base = start is null || baseline is null
            ? null
            : new ManualContent(
                start.Title, baseline.DepartmentId, baseline.Visibility, baseline.Status, baseline.Template, baseline.Tags, start.Body);
        var merge = ManualMerger.Merge(@base, ManualContent.From(current), ManualContent.From(draft));
        var latest = await manuals.FindRevisionAsync(current.Id, current.RevisionNumber, cancellationToken);
        var savesSince = baseRevision >= 1 && baseRevision < current.RevisionNumber ? current.RevisionNumber - baseRevision : 1;
        return new ManualConflict(merge, latest, savesSince);
    }

    /// <summary>Restores revision <paramref name="number"/>'s title and text as a new revision on top of the current one.</summary>
    public async Task<SaveResult> RestoreAsync(
        Viewer viewer, Author author, long id, int number, int baseRevision, string changeNote, CancellationToken cancellationToken)
    {
        var current = await manuals.FindAsync(id, cancellationToken);
        var revision = await manuals.FindRevisionAsync(id, number, cancellationToken);
        if (current is null || revision is null)
        {
            return SaveResult.Failed(SaveOutcome.NotFound, id);
        }

        var draft = new ManualDraft(
            revision.Title, current.DepartmentId, current.Visibility, current.Status, current.Template, current.Tags, revision.Body, changeNote);
        return await SaveAsync(viewer, author, id, baseRevision, null, draft, restore: true, cancellationToken);
    }

    /// <summary>Records the viewer's 「レビュー済みにする」: the manual was checked and is still right.</summary>
    public async Task<SaveOutcome> MarkReviewedAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return SaveOutcome.NotFound;
        }

        if (!ManualAccessPolicy.CanEdit(viewer, manual))
        {
            return SaveOutcome.Forbidden;
        }

        return await manuals.MarkReviewedAsync(id, viewer.UserId, clock.GetUtcNow(), cancellationToken)
            ? SaveOutcome.Saved
            : SaveOutcome.NotFound;
    }

    /// <summary>Changes the owner (担当者) and the review interval.</summary>
    public async Task<SaveResult> UpdateSettingsAsync(
        Viewer viewer, long id, long? ownerId, int reviewIntervalDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var manual = await manuals.FindAsync(id, cancellationToken);
        if (manual is null)
        {
            return SaveResult.Failed(SaveOutcome.NotFound, id);
        }

        if (!ManualAccessPolicy.CanEdit(viewer, manual))
        {
            return SaveResult.Failed(SaveOutcome.Forbidden, id);
        }

        var errors = new List<Common.ValidationError>();
        if (reviewIntervalDays is < ReviewSchedule.MinIntervalDays or > ReviewSchedule.MaxIntervalDays)
        {
            errors.Add(new("ReviewIntervalDays", "ReviewIntervalOutOfRange"));
        }

        if (ownerId is { } owner && await accounts.FindAsync(owner, cancellationToken) is not { IsDisabled: false })
        {
            errors.Add(new("OwnerId", "OwnerUnknown"));
        }

        if (errors.Count > 0)
        {
            return new SaveResult(SaveOutcome.Invalid, id, null, errors);
        }

        await manuals.UpdateSettingsAsync(id, ownerId, reviewIntervalDays, cancellationToken);
        return SaveResult.Saved(id) with { Previous = manual };
    }

    /// <summary>
    /// The draft's own rules, and for a manual being published, its template's required sections: publishing with an
    /// empty required section is refused (naming the sections); drafts save anyway.
    /// </summary>
    private async Task<IReadOnlyList<Common.ValidationError>> ValidateAsync(ManualDraft draft, CancellationToken cancellationToken)
    {
        var known = await departments.ListAsync(cancellationToken);
        var errors = ManualDraftValidator.Validate(draft, known.Select(d => d.Id));
        if (errors.Count > 0 || draft.Status != ManualStatus.Published)
        {
            return errors;
        }

        var report = await templates.CheckAsync(draft.Template, draft.Body, cancellationToken);
        return report.IsComplete
            ? errors
            : [new Common.ValidationError(nameof(draft.Status), "PublishIncomplete", string.Join("、", report.MissingRequired))];
    }
}
