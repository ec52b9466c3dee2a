using System.Data.Common;
using Dapper;
using Manuals.Core.Accounts;

namespace Manuals.Data.Accounts;

/// <summary>The directory group → department mappings (<c>directory_group_mappings</c>), for both engines.</summary>
public sealed class DirectoryGroupMappingStore(IDbConnectionFactory connections) : IDirectoryGroupMappingStore
{
    private const string Columns = "id, group_id, label, department_id, created_at";

    public async Task<IReadOnlyList<DirectoryGroupMapping>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM directory_group_mappings ORDER BY group_id, department_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MappingRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMapping()).ToList();
    }

    public async Task<long?> AddAsync(string groupId, string? label, long departmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        const string sql = """
            INSERT INTO directory_group_mappings (group_id, label, department_id, created_at)
            VALUES (@groupId, @label, @departmentId, @now)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql, new { groupId, label, departmentId, now }, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    public async Task<DirectoryGroupMapping?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM directory_group_mappings WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MappingRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToMapping();
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM directory_group_mappings WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class MappingRow
    {
        public long Id { get; set; }

        public string GroupId { get; set; } = "";

        public string? Label { get; set; }

        public long DepartmentId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DirectoryGroupMapping ToMapping() => new(Id, GroupId, Label, DepartmentId, CreatedAt);
    }
}
