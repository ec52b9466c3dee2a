using Dapper;
using Manuals.Core.Departments;

namespace Manuals.Data.Departments;

/// <summary>
/// Departments from the <c>departments</c> table. Nearly every page names departments, so the list is kept on the node
/// for <see cref="RecentRead{T}.MaxAge"/> (the app itself never changes it; an operator's change shows within that).
/// </summary>
public sealed class DepartmentStore : IDepartmentStore
{
    private readonly IDbConnectionFactory _connections;
    private readonly RecentRead<IReadOnlyList<Department>> _all;

    public DepartmentStore(IDbConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _all = new RecentRead<IReadOnlyList<Department>>(ReadAsync, time);
    }

    public Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken) => _all.GetAsync(cancellationToken);

    private async Task<IReadOnlyList<Department>> ReadAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, name, sort_order FROM departments ORDER BY sort_order, id";
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name, long SortOrder)>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new Department(r.Id, r.Name, (int)r.SortOrder)).ToList();
    }
}
