using Dapper;
using Manuals.Core.Departments;

namespace Manuals.Data.Departments;

/// <summary>Departments from the <c>departments</c> table.</summary>
public sealed class DepartmentStore(IDbConnectionFactory connections) : IDepartmentStore
{
    public async Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, name, sort_order FROM departments ORDER BY sort_order, id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Name, long SortOrder)>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new Department(r.Id, r.Name, (int)r.SortOrder)).ToList();
    }
}
