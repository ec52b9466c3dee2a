using System.Data.Common;
using Dapper;

namespace Manuals.Data.Search;

/// <summary>
/// The database's search index generation (<c>search_index_generation</c>, one row with a random id): every node's
/// index records the one it was built from, and a node whose index names another rebuilds it. Written anew when the
/// data was replaced underneath the indexes (restore, a move to another database) or an admin asks every node to rebuild.
/// </summary>
public static class SearchIndexGeneration
{
    /// <summary>The current generation, or an empty string for a database without the table (before migration 0027).</summary>
    public static async Task<string> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string sql = "SELECT generation FROM search_index_generation WHERE singleton = 1";
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)) ?? "";
    }

    /// <summary>Writes a new random generation; returns it.</summary>
    public static async Task<string> RenewAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var generation = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        const string sql = """
            INSERT INTO search_index_generation (singleton, generation) VALUES (1, @generation)
            ON CONFLICT (singleton) DO UPDATE SET generation = excluded.generation
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { generation }, transaction, cancellationToken: cancellationToken));
        return generation;
    }
}
