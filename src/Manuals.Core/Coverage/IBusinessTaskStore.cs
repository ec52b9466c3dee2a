namespace Manuals.Core.Coverage;

/// <summary>Business tasks (業務) and their links to manuals.</summary>
public interface IBusinessTaskStore
{
    /// <summary>Tasks of one department, or of all when <paramref name="departmentId"/> is null, by department then name; manual ids included.</summary>
    Task<IReadOnlyList<BusinessTask>> ListAsync(long? departmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Every task's id, department and name, for search and suggestions: a node may keep them for a second, so a change
    /// made through it shows at once and one made on another node within that second.
    /// </summary>
    Task<IReadOnlyList<BusinessTaskName>> ListNamesAsync(CancellationToken cancellationToken);

    /// <summary>The task with its manual ids, or null when the id is unknown.</summary>
    Task<BusinessTask?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Tasks linked to the manual.</summary>
    Task<IReadOnlyList<BusinessTask>> ListByManualAsync(long manualId, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Creates the task with its manual links; returns its id, or null when its department already has a task of that name.</summary>
    Task<long?> CreateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Updates the task's fields; manual links are left as they are.</summary>
    Task<WriteStatus> UpdateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Links a manual to a task; linking twice is harmless. False when the task or the manual is unknown.</summary>
    Task<bool> LinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken);

    /// <summary>Removes a link; false when there was none.</summary>
    Task<bool> UnlinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (id 0) or updates each task and sets its manual links to exactly <see cref="BusinessTask.ManualIds"/>, all in
    /// one transaction. Returns false, writing nothing, when a name collides (someone created it meanwhile).
    /// </summary>
    Task<bool> SaveManyAsync(IReadOnlyList<BusinessTask> tasks, DateTimeOffset now, CancellationToken cancellationToken);
}
