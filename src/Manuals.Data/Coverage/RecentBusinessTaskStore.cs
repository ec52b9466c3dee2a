using Manuals.Core.Coverage;

namespace Manuals.Data.Coverage;

/// <summary>
/// The business task store with the task names every search and suggestion matches kept on this node
/// (<see cref="RecentRead{T}"/>): a write through this node drops them, one on another node shows within a second.
/// </summary>
public sealed class RecentBusinessTaskStore(BusinessTaskStore store, TimeProvider time) : IBusinessTaskStore
{
    private readonly RecentRead<IReadOnlyList<BusinessTaskName>> _names = new(store.ListNamesAsync, time);

    public Task<IReadOnlyList<BusinessTaskName>> ListNamesAsync(CancellationToken cancellationToken) => _names.GetAsync(cancellationToken);

    public Task<IReadOnlyList<BusinessTask>> ListAsync(long? departmentId, CancellationToken cancellationToken) =>
        store.ListAsync(departmentId, cancellationToken);

    public Task<BusinessTask?> FindAsync(long id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<BusinessTask>> ListByManualAsync(long manualId, CancellationToken cancellationToken) =>
        store.ListByManualAsync(manualId, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => store.CountAsync(cancellationToken);

    public Task<long?> CreateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken) =>
        _names.WriteAsync(() => store.CreateAsync(task, now, cancellationToken));

    public Task<WriteStatus> UpdateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken) =>
        _names.WriteAsync(() => store.UpdateAsync(task, now, cancellationToken));

    public Task<bool> LinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken) =>
        store.LinkManualAsync(taskId, manualId, cancellationToken);

    public Task<bool> UnlinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken) =>
        store.UnlinkManualAsync(taskId, manualId, cancellationToken);

    public Task<bool> SaveManyAsync(IReadOnlyList<BusinessTask> tasks, DateTimeOffset now, CancellationToken cancellationToken) =>
        _names.WriteAsync(() => store.SaveManyAsync(tasks, now, cancellationToken));
}
