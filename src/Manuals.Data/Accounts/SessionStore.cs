using Dapper;
using Manuals.Core.Accounts;

namespace Manuals.Data.Accounts;

/// <summary>Sign-in sessions in the <c>sessions</c> table (migration 0011), the same SQL on both engines.</summary>
public sealed class SessionStore(IDbConnectionFactory connections) : ISessionStore
{
    /// <summary>Expired rows deleted per new session: bounded work on sign-in, yet faster than sessions are created.</summary>
    public const int PurgeBatch = 100;

    public async Task CreateAsync(string id, long userId, byte[] ticket, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string purgeSql = """
            DELETE FROM sessions
            WHERE id IN (SELECT id FROM sessions WHERE expires_at < @now ORDER BY expires_at LIMIT @limit)
            """;
        const string insertSql = """
            INSERT INTO sessions (id, user_id, ticket, created_at, expires_at, last_seen_at)
            VALUES (@id, @userId, @ticket, @now, @expiresAt, @now)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(purgeSql, new { now, limit = PurgeBatch }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertSql, new { id, userId, ticket, now, expiresAt }, cancellationToken: cancellationToken));
    }

    public async Task<byte[]?> FindAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "SELECT ticket FROM sessions WHERE id = @id AND expires_at > @now";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(sql, new { id, now }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RenewAsync(string id, long userId, byte[] ticket, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE sessions SET ticket = @ticket, expires_at = @expiresAt, last_seen_at = @now
            WHERE id = @id AND user_id = @userId AND expires_at > @now
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, userId, ticket, expiresAt, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM sessions WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<int> RemoveForUserAsync(long userId, string? exceptId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM sessions WHERE user_id = @userId AND (@exceptId IS NULL OR id <> @exceptId)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, exceptId }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountForUserAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM sessions WHERE user_id = @userId AND expires_at > @now";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { userId, now }, cancellationToken: cancellationToken));
    }
}
