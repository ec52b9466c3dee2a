using Dapper;
using Manuals.Core.Accounts;

namespace Manuals.Data.Accounts;

/// <summary>The data-protection key ring in the <c>data_protection_keys</c> table (migration 0014), the same SQL on both engines.</summary>
public sealed class KeyRingStore(IDbConnectionFactory connections) : IKeyRingStore
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT xml FROM data_protection_keys ORDER BY id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    public async Task AddAsync(string name, string xml, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { name, xml, now }, cancellationToken: cancellationToken));
    }
}
