using Manuals.Core.Accounts;
using Manuals.Core.Notifications;

namespace Manuals.Core.Approvals;

/// <summary>
/// Tells people where a request (承認待ち) stands: the approvers of the stage it waits at when it arrives there (and the
/// department's chat channel), the writer when it is approved at the last stage or sent back.
/// </summary>
public sealed class ApprovalNotices(IApprovalStore approvals, IAccountDirectory accounts, Notifier notifier)
{
    /// <summary>The request waits at a stage (just made, or the previous stage approved): its approvers are asked.</summary>
    public async Task WaitingAsync(long requestId, CancellationToken cancellationToken)
    {
        if (await approvals.FindAsync(requestId, cancellationToken) is not { State: ApprovalRequestState.Pending } request
            || request.Stages.FirstOrDefault(s => s.Number == request.CurrentStage) is not { } stage)
        {
            return;
        }

        var approvers = (await accounts.ListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && ApprovalPolicy.IsApprover(u.AsViewer(), request, stage))
            .Select(u => u.Id)
            .ToList();
        await notifier.NotifyAsync(
            approvers,
            new NotificationMessage(
                NotificationKind.ApprovalRequested,
                [request.Title, request.RequestedByName],
                $"/approvals/{request.Id}",
                DepartmentId: request.DepartmentId),
            cancellationToken);
    }

    /// <summary>The last stage approved, or the request sent back: the writer hears the decision (and the comment).</summary>
    public async Task DecidedAsync(ApprovalRequest request, bool approved, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestedById is not { } writer)
        {
            return;
        }

        await notifier.NotifyAsync(
            [writer],
            new NotificationMessage(
                NotificationKind.ApprovalDecided,
                [request.Title, approved ? "approved" : "sent-back", comment],
                approved ? $"/manuals/{request.ManualId}" : $"/approvals/{request.Id}"),
            cancellationToken);
    }
}
