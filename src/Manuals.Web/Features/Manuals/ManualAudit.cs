using Manuals.Core.Audit;
using Manuals.Core.Manuals;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Manuals;

/// <summary>
/// What a successful save of a manual means for the audit log: compares the manual before (<see cref="SaveResult.Previous"/>)
/// with the manual as saved and records a publish, an archive, a 公開範囲 change, an owner change or a restore.
/// </summary>
public sealed class ManualAudit(AuditTrail audit, IManualStore manuals, IStringLocalizer<SharedResource> l)
{
    /// <summary>After a create or an edit was saved.</summary>
    public async Task SavedAsync(SaveResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var current = await manuals.FindAsync(result.ManualId, cancellationToken);
        if (current is null)
        {
            return;
        }

        var previous = result.Previous;
        var target = Target(current);
        if (current.Status != previous?.Status)
        {
            var detail = previous is null ? null : $"{Status(previous.Status)} → {Status(current.Status)}";
            switch (current.Status)
            {
                case ManualStatus.Published:
                    await audit.RecordAsync(AuditAction.ManualPublished, target, detail);
                    break;
                case ManualStatus.Archived:
                    await audit.RecordAsync(AuditAction.ManualArchived, target, detail);
                    break;
            }
        }

        if (previous is not null && previous.Visibility != current.Visibility)
        {
            await audit.RecordAsync(
                AuditAction.ManualVisibilityChanged, target, $"{Visibility(previous.Visibility)} → {Visibility(current.Visibility)}");
        }
    }

    /// <summary>After a save became a request for approval (承認申請): records the request, not a publish.</summary>
    public async Task RequestedAsync(SaveResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var current = await manuals.FindAsync(result.ManualId, cancellationToken);
        if (current is not null)
        {
            var kind = result.Previous is { Status: ManualStatus.Published } ? l["Approvals.Kind.Change"].Value : l["Approvals.Kind.Publish"].Value;
            await audit.RecordAsync(AuditAction.ApprovalRequested, Target(current), l["Audit.Detail.ApprovalRequested", kind, result.ApprovalRequestId ?? 0].Value);
        }
    }

    /// <summary>After revision <paramref name="number"/> was restored as a new revision.</summary>
    public async Task RestoredAsync(SaveResult result, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var current = await manuals.FindAsync(result.ManualId, cancellationToken);
        if (current is not null)
        {
            await audit.RecordAsync(AuditAction.ManualRestored, Target(current), l["Audit.Detail.Restored", number, current.RevisionNumber].Value);
        }
    }

    /// <summary>After the 担当者 and review-interval form was saved: records a change of owner.</summary>
    public async Task SettingsSavedAsync(SaveResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var current = await manuals.FindAsync(result.ManualId, cancellationToken);
        if (current is not null && result.Previous is { } previous && previous.OwnerId != current.OwnerId)
        {
            await audit.RecordAsync(AuditAction.ManualOwnerChanged, Target(current), $"{Owner(previous)} → {Owner(current)}");
        }
    }

    private static AuditTarget Target(Manual manual) => AuditTarget.Of(AuditTargetType.Manual, manual.Id, manual.Title);

    private string Status(ManualStatus status) => l[$"ManualStatus.{status}"].Value;

    private string Visibility(ManualVisibility visibility) => l[$"ManualVisibility.{visibility}"].Value;

    private string Owner(Manual manual) => manual.OwnerId is null ? l["Audit.Detail.None"].Value : manual.OwnerName ?? "";
}
