namespace Manuals.Core.Coverage;

/// <summary>Which manuals of each task the employees have read (読みました through their user account), for coverage's hints.</summary>
public interface ITaskManualConfirmationStore
{
    /// <summary>
    /// For each of <paramref name="employeeIds"/> linked to a user, every manual linked to a task (of
    /// <paramref name="departmentId"/>, or of any department when null) that the user confirmed having read: one row per
    /// employee, task and manual, with <see cref="TaskManualConfirmation.IsConfirmed"/> telling
    /// whether the confirmation reaches the revision they must have read (the latest 重要な変更, or the first). Employees
    /// without a user and manuals never confirmed have no rows. One query, whatever the number of employees.
    /// </summary>
    /// <param name="employeeIds">The people on a page: one employee, or a department's matrix (hundreds).</param>
    /// <param name="departmentId">Only the tasks of this department (a matrix), or all tasks when null (a person's page).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<TaskManualConfirmation>> ListAsync(
        IReadOnlyCollection<long> employeeIds, long? departmentId, CancellationToken cancellationToken);
}
