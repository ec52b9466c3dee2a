using Manuals.Core.Accounts;

namespace Manuals.Core.Coverage;

/// <summary>
/// Who may change business tasks, employees and the skill matrix. Everyone signed in may see them (managers and staff
/// alike should see where know-how is thin); changing them follows the manuals' rule for creating: Admins everywhere,
/// Editors in their own departments, Readers nowhere. A matrix cell belongs to its task's department.
/// </summary>
public static class CoverageAccessPolicy
{
    public static bool CanEdit(Viewer viewer, long departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin || (viewer.IsWriter && viewer.BelongsTo(departmentId));
    }
}
