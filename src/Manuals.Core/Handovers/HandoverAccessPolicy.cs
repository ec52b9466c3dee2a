using Manuals.Core.Accounts;
using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>
/// Who may see and run handovers. They say who is leaving and why, so only the people who manage the department's
/// work run them: Admins everywhere, Editors in the predecessor's department (the coverage rule). The people on a
/// handover - the predecessor and the successors, through the account linked to their employee record - may open it to
/// read it and sign their own boxes, whatever their role.
/// </summary>
public static class HandoverAccessPolicy
{
    public static bool CanManage(Viewer viewer, long departmentId) => CoverageAccessPolicy.CanEdit(viewer, departmentId);

    /// <summary>Whether the viewer may use the handover pages at all (the list shows only their departments).</summary>
    public static bool CanUse(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsWriter;
    }

    /// <summary>Whether the viewer may open the handover: its managers, and the people on it (<paramref name="participantUserIds"/>).</summary>
    public static bool CanView(Viewer viewer, Handover handover, IReadOnlySet<long> participantUserIds)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(participantUserIds);
        return CanManage(viewer, handover.DepartmentId) || participantUserIds.Contains(viewer.UserId);
    }

    /// <summary>
    /// Who signs an empty box. The predecessor's and a successor's: that person's own account; an Admin on their behalf;
    /// when the person has no account, a manager of the handover on their behalf. The manager's: a manager of the handover
    /// who is not on it (<paramref name="participantUserIds"/>), with their own account - nobody signs as their own manager.
    /// </summary>
    public static SignOffRight SignOffRightOf(Viewer viewer, Handover handover, SignOffSlot slot, IReadOnlySet<long> participantUserIds)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(participantUserIds);
        if (slot.Role == SignOffRole.Manager)
        {
            return CanManage(viewer, handover.DepartmentId) && !participantUserIds.Contains(viewer.UserId) ? SignOffRight.Self : SignOffRight.None;
        }

        if (slot.UserId == viewer.UserId)
        {
            return SignOffRight.Self;
        }

        return viewer.IsAdmin || (slot.UserId is null && CanManage(viewer, handover.DepartmentId)) ? SignOffRight.OnBehalf : SignOffRight.None;
    }

    /// <summary>A sign-off is withdrawn by the person whose box it is, by whoever recorded it, or by an Admin.</summary>
    public static bool CanWithdraw(Viewer viewer, SignOffSlot slot, HandoverSignature signature)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(signature);
        return viewer.IsAdmin || signature.RecordedByUserId == viewer.UserId || (slot.UserId is { } owner && owner == viewer.UserId);
    }
}
