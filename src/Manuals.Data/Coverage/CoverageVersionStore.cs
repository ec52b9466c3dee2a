using Dapper;
using Manuals.Core.Coverage;

namespace Manuals.Data.Coverage;

/// <summary>The <c>coverage</c> row of <c>data_versions</c>, raised by the triggers of migration 0029.</summary>
public sealed class CoverageVersionStore(IDbConnectionFactory connections) : ICoverageVersionStore
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT version FROM data_versions WHERE name = 'coverage'";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }
}
