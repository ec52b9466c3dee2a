namespace Manuals.Core.Accounts;

/// <summary>The admins' mapping of directory groups to departments.</summary>
public interface IDirectoryGroupMappingStore
{
    /// <summary>All mappings, ordered by group id and department.</summary>
    Task<IReadOnlyList<DirectoryGroupMapping>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a mapping; returns its id, or null when the same group already gives the same department.</summary>
    Task<long?> AddAsync(string groupId, string? label, long departmentId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One mapping, or null when the id is unknown.</summary>
    Task<DirectoryGroupMapping?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Removes a mapping; false when it did not exist.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);
}
