using Manuals.Core.Accounts;

namespace Manuals.Core.Manuals;

/// <summary>
/// The one place that decides who may read and edit a manual. Every feature that shows or changes a
/// manual (pages, lists, search, coverage, handovers) asks this policy.
/// </summary>
public static class ManualAccessPolicy
{
    /// <summary>
    /// 全社公開 manuals are readable by everyone; 部署限定 ones by the department, the owner and Admins. A 下書き (draft),
    /// whatever its visibility, only by those who may edit it (<see cref="CanEdit(Viewer, long, long?)"/>): it is not
    /// ready to be followed, and Readers never see it.
    /// </summary>
    public static bool CanRead(Viewer viewer, long departmentId, ManualVisibility visibility, long? ownerId, ManualStatus status)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (status == ManualStatus.Draft)
        {
            return CanEdit(viewer, departmentId, ownerId);
        }

        return visibility == ManualVisibility.Company
            || viewer.IsAdmin
            || viewer.BelongsTo(departmentId)
            || (ownerId is { } owner && owner == viewer.UserId);
    }

    public static bool CanRead(Viewer viewer, Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return CanRead(viewer, manual.DepartmentId, manual.Visibility, manual.OwnerId, manual.Status);
    }

    public static bool CanRead(Viewer viewer, ManualSummary manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return CanRead(viewer, manual.DepartmentId, manual.Visibility, manual.OwnerId, manual.Status);
    }

    /// <summary>
    /// Admins edit everything. Editors edit the manuals of their own departments and the ones they own;
    /// Readers edit nothing.
    /// </summary>
    public static bool CanEdit(Viewer viewer, Manual manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        return CanEdit(viewer, manual.DepartmentId, manual.OwnerId);
    }

    /// <inheritdoc cref="CanEdit(Viewer, Manual)"/>
    public static bool CanEdit(Viewer viewer, long departmentId, long? ownerId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsAdmin)
        {
            return true;
        }

        return viewer.IsWriter
            && (viewer.BelongsTo(departmentId) || (ownerId is { } owner && owner == viewer.UserId));
    }

    /// <summary>Editors may create manuals in their own departments; Admins anywhere.</summary>
    public static bool CanCreateIn(Viewer viewer, long departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin || (viewer.IsWriter && viewer.BelongsTo(departmentId));
    }
}
