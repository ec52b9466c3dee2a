using Manuals.Core.Accounts;
using Manuals.Core.Common;
using Manuals.Core.Departments;
using Manuals.Core.Manuals;

namespace Manuals.Core.Approvals;

/// <summary>
/// Approval before publishing (承認フロー): a department's route (Admins), and approving, sending back and withdrawing
/// requests. Requests are made by <see cref="ManualService"/> when a save needs approval.
/// </summary>
public sealed class ApprovalService(
    IApprovalStore approvals,
    IManualStore manuals,
    IDepartmentStore departments,
    IAccountDirectory accounts,
    ApprovalNotices notices,
    TimeProvider clock)
{
    /// <summary>
    /// Sets <paramref name="departmentId"/>'s route from the form's rows (stage 1 first). Rows with no kind end the
    /// route; a stage after an unused one, a named stage without anyone, or a named person who is not an active Editor or
    /// Admin is refused.
    /// </summary>
    public async Task<ApprovalResult> ConfigureAsync(
        Viewer viewer, long departmentId, IReadOnlyList<ApprovalStageInput> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(rows);
        if (!ApprovalPolicy.CanConfigure(viewer))
        {
            return ApprovalResult.Failed(SaveOutcome.Forbidden);
        }

        if ((await departments.ListAsync(cancellationToken)).All(d => d.Id != departmentId))
        {
            return ApprovalResult.Failed(SaveOutcome.NotFound);
        }

        var errors = new List<ValidationError>();
        var stages = new List<ApprovalStage>();
        var users = (await accounts.ListAsync(cancellationToken)).ToDictionary(u => u.Id);
        var ended = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var field = $"Stages[{i}]";
            if (i >= ApprovalLimits.MaxStages)
            {
                errors.Add(new ValidationError(field, "ApprovalTooManyStages", ApprovalLimits.MaxStages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            }

            var row = rows[i];
            if (row.Kind is not { } kind)
            {
                ended = true;
                continue;
            }

            if (ended)
            {
                errors.Add(new ValidationError(field, "ApprovalStageGap", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            var ids = kind == ApproverKind.Users ? row.UserIds.Distinct().ToList() : [];
            if (kind == ApproverKind.Users && ids.Count == 0)
            {
                errors.Add(new ValidationError(field, "ApprovalUsersRequired", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (ids.Count > ApprovalLimits.MaxUsersPerStage)
            {
                errors.Add(new ValidationError(field, "ApprovalUsersTooMany", ApprovalLimits.MaxUsersPerStage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (ids.Any(id => !users.TryGetValue(id, out var user) || user.IsDisabled
                || !(user.Roles.Contains(Roles.Editor) || user.Roles.Contains(Roles.Admin))))
            {
                errors.Add(new ValidationError(field, "ApprovalUserNotWriter", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            stages.Add(new ApprovalStage(i + 1, kind, ids));
        }

        if (errors.Count > 0)
        {
            return new ApprovalResult(SaveOutcome.Invalid, null, errors);
        }

        await approvals.ReplaceStagesAsync(departmentId, stages, cancellationToken);
        return ApprovalResult.Failed(SaveOutcome.Saved);
    }

    /// <summary>The request, if the viewer may see it.</summary>
    public async Task<(SaveOutcome Outcome, ApprovalRequest? Request)> FindAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var request = await approvals.FindAsync(id, cancellationToken);
        if (request is null)
        {
            return (SaveOutcome.NotFound, null);
        }

        return ApprovalPolicy.CanSee(viewer, request) ? (SaveOutcome.Saved, request) : (SaveOutcome.Forbidden, null);
    }

    /// <summary>
    /// 承認する: approves the stage the request waits at. The last stage makes the request's text the manual's current
    /// revision. Someone who approved first, or a manual saved meanwhile, makes this a conflict that writes nothing.
    /// </summary>
    public async Task<ApprovalResult> ApproveAsync(Viewer viewer, Author approver, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (request, refused) = await DecidableAsync(viewer, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var last = request.CurrentStage >= request.Stages.Count;
        var previous = last ? await manuals.FindAsync(request.ManualId, cancellationToken) : null;
        var written = await approvals.ApproveAsync(id, request.CurrentStage, approver, clock.GetUtcNow(), cancellationToken);
        if (written == ApprovalWrite.Done)
        {
            await (last ? notices.DecidedAsync(request, approved: true, "", cancellationToken) : notices.WaitingAsync(id, cancellationToken));
        }

        return written switch
        {
            ApprovalWrite.Done => new ApprovalResult(SaveOutcome.Saved, request, []) { Completed = last, Previous = previous },
            ApprovalWrite.ManualMoved => ApprovalResult.Failed(SaveOutcome.Conflict, request) with { ManualMoved = true },
            _ => ApprovalResult.Failed(SaveOutcome.Conflict, request),
        };
    }

    /// <summary>差し戻す: sends the request back to the writer with a comment (required, at most <see cref="ApprovalLimits.CommentMaxLength"/> characters).</summary>
    public async Task<ApprovalResult> SendBackAsync(Viewer viewer, Author approver, long id, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (request, refused) = await DecidableAsync(viewer, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var text = (comment ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return new ApprovalResult(SaveOutcome.Invalid, request, [new ValidationError("Comment", "ApprovalCommentRequired")]);
        }

        if (text.Length > ApprovalLimits.CommentMaxLength)
        {
            return new ApprovalResult(
                SaveOutcome.Invalid,
                request,
                [new ValidationError("Comment", "ApprovalCommentTooLong", ApprovalLimits.CommentMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var written = await approvals.SendBackAsync(id, request.CurrentStage, approver, text, clock.GetUtcNow(), cancellationToken);
        if (written == ApprovalWrite.Done)
        {
            await notices.DecidedAsync(request, approved: false, text, cancellationToken);
        }

        return written == ApprovalWrite.Done
            ? new ApprovalResult(SaveOutcome.Saved, request, [])
            : ApprovalResult.Failed(SaveOutcome.Conflict, request);
    }

    /// <summary>取り下げる: the writer (or an Admin) closes an open request; the manual stays as it is.</summary>
    public async Task<ApprovalResult> WithdrawAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (outcome, request) = await FindAsync(viewer, id, cancellationToken);
        if (request is null)
        {
            return ApprovalResult.Failed(outcome);
        }

        if (!request.IsOpen)
        {
            return ApprovalResult.Failed(SaveOutcome.Conflict, request);
        }

        if (!ApprovalPolicy.CanWithdraw(viewer, request))
        {
            return ApprovalResult.Failed(SaveOutcome.Forbidden, request);
        }

        return await approvals.WithdrawAsync(id, clock.GetUtcNow(), cancellationToken) == ApprovalWrite.Done
            ? new ApprovalResult(SaveOutcome.Saved, request, [])
            : ApprovalResult.Failed(SaveOutcome.Conflict, request);
    }

    /// <summary>Open requests the viewer may see: those waiting for them, and their own (承認待ち or 差し戻し).</summary>
    public async Task<(IReadOnlyList<ApprovalRequest> WaitingForMe, IReadOnlyList<ApprovalRequest> Mine, IReadOnlyList<ApprovalRequest> Others)> ListAsync(
        Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var open = await approvals.ListOpenAsync(cancellationToken);
        var waiting = open.Where(r => ApprovalPolicy.CanDecide(viewer, r)).ToList();
        var mine = open.Where(r => r.RequestedById == viewer.UserId).ToList();
        var others = open.Where(r => ApprovalPolicy.CanSee(viewer, r) && !waiting.Contains(r) && !mine.Contains(r)).ToList();
        return (waiting, mine, others);
    }

    /// <summary>
    /// The request the viewer may decide now, or why not: missing or not theirs to see, no longer waiting (409), an
    /// approver of a stage already passed — approved by a colleague a moment ago — told it moved on (409), anyone else
    /// (a later stage's approver too) refused (403).
    /// </summary>
    private async Task<(ApprovalRequest Request, ApprovalResult? Refused)> DecidableAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var (outcome, request) = await FindAsync(viewer, id, cancellationToken);
        if (request is null)
        {
            return (null!, ApprovalResult.Failed(outcome));
        }

        if (request.State != ApprovalRequestState.Pending)
        {
            return (request, ApprovalResult.Failed(SaveOutcome.Conflict, request));
        }

        if (!ApprovalPolicy.CanDecide(viewer, request))
        {
            var passed = request.Stages.Any(stage => stage.Number < request.CurrentStage && ApprovalPolicy.IsApprover(viewer, request, stage));
            return (request, ApprovalResult.Failed(passed ? SaveOutcome.Conflict : SaveOutcome.Forbidden, request));
        }

        return (request, null);
    }
}
