namespace Manuals.Core.Search;

/// <summary>The synonym list applied to queries (not to the index, so an edit takes effect without a rebuild).</summary>
public interface ISynonymStore
{
    /// <summary>Every synonym group.</summary>
    Task<IReadOnlyList<SynonymGroup>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a group of valid words (<see cref="SynonymInput"/>); returns its id.</summary>
    Task<long> AddAsync(IReadOnlyList<string> words, CancellationToken cancellationToken);

    /// <summary>Replaces a group's words. False when the group does not exist.</summary>
    Task<bool> UpdateAsync(long id, IReadOnlyList<string> words, CancellationToken cancellationToken);

    /// <summary>Removes a group. False when it did not exist.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}
