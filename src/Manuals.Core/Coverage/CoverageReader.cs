namespace Manuals.Core.Coverage;

/// <summary>
/// Reads a <see cref="CoverageSnapshot"/> of the whole company (at this size, hundreds of tasks, one read is cheaper than
/// many), and what the people on a page have read of their tasks' manuals.
/// </summary>
public sealed class CoverageReader(
    IBusinessTaskStore tasks, IEmployeeStore employees, ISkillMatrixStore matrix, ManualFactsReader manuals, ITaskManualConfirmationStore confirmations)
{
    public async Task<CoverageSnapshot> ReadAsync(CancellationToken cancellationToken) =>
        new(
            await tasks.ListAsync(null, cancellationToken),
            await employees.ListAsync(null, cancellationToken),
            await matrix.ListCellsAsync(null, cancellationToken),
            await manuals.ReadAsync(cancellationToken));

    /// <summary>The manuals <paramref name="employeeIds"/> confirmed, per task, among those the viewer may read (one query).</summary>
    /// <param name="employeeIds">The people the page shows.</param>
    /// <param name="departmentId">Only this department's tasks (a matrix), or every task when null.</param>
    /// <param name="mayRead">Whether the viewer may read the manual of that id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ManualConfirmations> ReadConfirmationsAsync(
        IReadOnlyCollection<long> employeeIds, long? departmentId, Func<long, bool> mayRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        return employeeIds.Count == 0
            ? ManualConfirmations.None
            : new ManualConfirmations(await confirmations.ListAsync(employeeIds, departmentId, cancellationToken), mayRead);
    }
}
