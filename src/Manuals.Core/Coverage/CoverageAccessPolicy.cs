using Manuals.Core.Accounts;

namespace Manuals.Core.Coverage;

/// <summary>
/// Who may see and change business tasks, employees and the skill matrix — the one rule every coverage page, CSV export,
/// suggestion and the dashboard asks. People's data stays with the people who need it:
/// <list type="bullet">
/// <item>A department's tasks, its employees' names, the matrix and the risks (<see cref="CanSeePeopleOf"/>) are for its
/// members (Readers and Editors alike) and Admins. Other departments see none of it.</item>
/// <item>Personal details — 在籍状況 other than 在籍 with its date (異動予定・退職予定・休職中・異動済・退職済) and e-mail
/// addresses (<see cref="CanSeePersonalDetails"/>) — are for the department's Editors and Admins, who plan handovers.</item>
/// <item>Changing them (<see cref="CanEdit"/>) follows the manuals' rule for creating: Admins everywhere, Editors in their
/// own departments, Readers nowhere.</item>
/// </list>
/// A task, and each matrix cell on it, belongs to the task's department; an employee to their own department.
/// </summary>
public static class CoverageAccessPolicy
{
    /// <summary>Whether the viewer sees the department's tasks, employee names, matrix, history and risks.</summary>
    public static bool CanSeePeopleOf(Viewer viewer, long departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin || viewer.BelongsTo(departmentId);
    }

    /// <summary>Whether the viewer sees the department's employees' leaving and transfer plans, statuses and e-mail addresses.</summary>
    public static bool CanSeePersonalDetails(Viewer viewer, long departmentId) => CanEdit(viewer, departmentId);

    /// <summary>Whether the viewer may change the department's tasks, employees and matrix.</summary>
    public static bool CanEdit(Viewer viewer, long departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin || (viewer.IsWriter && viewer.BelongsTo(departmentId));
    }

    /// <summary>
    /// Whether the viewer may link an employee of <paramref name="departmentId"/> to <paramref name="account"/>. Admins link
    /// any account; Editors only an account that belongs to that department. A link says "this person is that account",
    /// and handovers move the account's manuals and sign-offs by it, so an Editor must not claim another department's
    /// account for a record of their own.
    /// </summary>
    public static bool CanLinkAccount(Viewer viewer, UserSummary account, long departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(account);
        return CanEdit(viewer, departmentId) && (viewer.IsAdmin || account.DepartmentIds.Contains(departmentId));
    }
}
