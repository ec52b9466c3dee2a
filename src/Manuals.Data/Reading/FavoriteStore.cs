using Dapper;
using Manuals.Core.Reading;

namespace Manuals.Data.Reading;

/// <summary>Favourite manuals in <c>manual_favorites</c>, one row per reader and manual.</summary>
public sealed class FavoriteStore(IDbConnectionFactory connections) : IFavoriteStore
{
    public async Task SetAsync(long userId, long manualId, bool favorite, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string mark = """
            INSERT INTO manual_favorites (user_id, manual_id, created_at) VALUES (@userId, @manualId, @at)
            ON CONFLICT (user_id, manual_id) DO NOTHING
            """;
        const string unmark = "DELETE FROM manual_favorites WHERE user_id = @userId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            favorite ? mark : unmark, new { userId, manualId, at }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsFavoriteAsync(long userId, long manualId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM manual_favorites WHERE user_id = @userId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, new { userId, manualId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<long>> ListAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT manual_id FROM manual_favorites WHERE user_id = @userId ORDER BY created_at DESC, manual_id DESC";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken))).ToList();
    }
}
