using Manuals.Core.Accounts;
using Manuals.Core.Coverage;

namespace Manuals.Core.Handovers;

/// <summary>
/// Who may see and run handovers. They say who is leaving and why, so only the people who manage the department's
/// work see them: Admins everywhere, Editors in the predecessor's department (the coverage rule), Readers never.
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
}
