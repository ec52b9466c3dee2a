using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Reads a <see cref="CoverageSnapshot"/> of the whole company, and what the people on a page have read of their tasks'
/// manuals. The last snapshot is kept on this node under the coverage version it was read at
/// (<see cref="ICoverageVersionStore"/>): each call reads the version first and reads the data again only when it has
/// changed, so a change saved on any node shows at once, and requests arriving together share one read.
/// </summary>
public sealed class CoverageReader(
    ICoverageVersionStore versions,
    IBusinessTaskStore tasks,
    IEmployeeStore employees,
    ISkillMatrixStore matrix,
    IManualStore manuals,
    ManualFactsReader facts,
    ITaskManualConfirmationStore confirmations)
{
    private readonly Lock _gate = new();
    private (long Version, Task<CoverageSnapshot> Snapshot)? _kept;

    public async Task<CoverageSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        // The version before the data: data read after it is at least that new, so it may be kept under it (a change
        // committed in between raises the version again, and the next call reads once more).
        var version = await versions.ReadAsync(cancellationToken);
        Task<CoverageSnapshot> read;
        lock (_gate)
        {
            if (_kept is not { } kept || kept.Version < version || kept.Snapshot.IsFaulted || kept.Snapshot.IsCanceled)
            {
                // Not the caller's token: other requests may be waiting for the same read.
                kept = (version, ReadDataAsync(CancellationToken.None));
                _kept = kept;
            }

            read = kept.Snapshot;
        }

        return await read.WaitAsync(cancellationToken);
    }

    private async Task<CoverageSnapshot> ReadDataAsync(CancellationToken cancellationToken)
    {
        // Off the caller's thread at once, so the lock above is never held while reading.
        await Task.Yield();
        var linked = await manuals.ListLinkedToTasksAsync(cancellationToken);
        return new CoverageSnapshot(
            await tasks.ListAsync(null, cancellationToken),
            await employees.ListAsync(null, cancellationToken),
            await matrix.ListCellsAsync(null, cancellationToken),
            await facts.ReadAsync(linked, cancellationToken),
            linked);
    }

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
