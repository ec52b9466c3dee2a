using Manuals.Core.Audit;
using Manuals.Core.Handovers;
using Manuals.Web.Features.Audit;
using Manuals.Web.Shared.Resources;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Handovers;

/// <summary>Audit-log entries for handovers, named after the person handing over (the handover's target name).</summary>
public sealed class HandoverAudit(AuditTrail audit, IHandoverStore store, IStringLocalizer<SharedResource> l)
{
    /// <summary>Records <paramref name="action"/> (started, completed, reopened) on handover <paramref name="id"/>.</summary>
    public async Task RecordAsync(string action, long id, string? detail, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        await audit.RecordAsync(action, AuditTarget.Of(AuditTargetType.Handover, id, handover?.EmployeeName), detail);
    }

    /// <summary>Records a box signed: whose box, the name signed, and whether it was on their behalf.</summary>
    public async Task SignedAsync(long id, SignOffRole role, long employeeId, CancellationToken cancellationToken)
    {
        var handover = await store.FindAsync(id, cancellationToken);
        var signature = handover?.SignatureOf(role, employeeId);
        var detail = signature is null
            ? Role(role)
            : signature.OnBehalf
                ? l["Audit.Detail.SignedOnBehalf", Role(role), signature.Name].Value
                : $"{Role(role)}: {signature.Name}";
        await audit.RecordAsync(AuditAction.HandoverSigned, AuditTarget.Of(AuditTargetType.Handover, id, handover?.EmployeeName), detail);
    }

    /// <summary>Records a box's signature withdrawn.</summary>
    public Task UnsignedAsync(long id, SignOffRole role, CancellationToken cancellationToken) =>
        RecordAsync(AuditAction.HandoverSignWithdrawn, id, Role(role), cancellationToken);

    private string Role(SignOffRole role) => l[$"Handovers.SignOff.{role}"].Value;
}
