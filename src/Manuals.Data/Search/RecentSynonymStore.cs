using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// The synonym store with the list every search parses with kept on this node (<see cref="RecentRead{T}"/>): an edit
/// through this node drops it, one on another node shows within a second.
/// </summary>
public sealed class RecentSynonymStore(SynonymStore store, TimeProvider time) : ISynonymStore
{
    private readonly RecentRead<IReadOnlyList<SynonymGroup>> _groups = new(store.ListAsync, time);

    public Task<IReadOnlyList<SynonymGroup>> ListAsync(CancellationToken cancellationToken) => _groups.GetAsync(cancellationToken);

    public Task<long> AddAsync(IReadOnlyList<string> words, CancellationToken cancellationToken) =>
        _groups.WriteAsync(() => store.AddAsync(words, cancellationToken));

    public Task<bool> UpdateAsync(long id, IReadOnlyList<string> words, CancellationToken cancellationToken) =>
        _groups.WriteAsync(() => store.UpdateAsync(id, words, cancellationToken));

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        _groups.WriteAsync(() => store.DeleteAsync(id, cancellationToken));
}
