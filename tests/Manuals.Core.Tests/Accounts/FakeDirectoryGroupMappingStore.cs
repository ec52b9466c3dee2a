using Manuals.Core.Accounts;

namespace Manuals.Core.Tests.Accounts;

/// <summary>Group mappings in memory.</summary>
internal sealed class FakeDirectoryGroupMappingStore : IDirectoryGroupMappingStore
{
    private readonly List<DirectoryGroupMapping> _mappings = [];

    public void Add(string groupId, long departmentId) =>
        _mappings.Add(new DirectoryGroupMapping(_mappings.Count + 1, groupId, null, departmentId, DateTimeOffset.UnixEpoch));

    public Task<IReadOnlyList<DirectoryGroupMapping>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DirectoryGroupMapping>>(_mappings.ToList());

    public Task<long?> AddAsync(string groupId, string? label, long departmentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DirectoryGroupMapping?> FindAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();
}
