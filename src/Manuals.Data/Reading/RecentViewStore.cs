using Dapper;
using Manuals.Core.Reading;

namespace Manuals.Data.Reading;

/// <summary>The manuals each reader opened last, in <c>manual_views</c>: one row per reader and manual, the newest kept.</summary>
public sealed class RecentViewStore(IDbConnectionFactory connections) : IRecentViewStore
{
    public async Task RecordAsync(IReadOnlyCollection<ManualView> views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count == 0)
        {
            return;
        }

        const string record = """
            INSERT INTO manual_views (user_id, manual_id, viewed_at) VALUES (@UserId, @ManualId, @At)
            ON CONFLICT (user_id, manual_id) DO UPDATE SET viewed_at = excluded.viewed_at
            WHERE excluded.viewed_at > manual_views.viewed_at
            """;
        // Only the newest are ever shown; the rest would grow with every manual a reader ever opened.
        const string trim = """
            DELETE FROM manual_views
            WHERE user_id = @userId AND manual_id NOT IN (
                SELECT manual_id FROM manual_views WHERE user_id = @userId ORDER BY viewed_at DESC, manual_id DESC LIMIT @kept)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var view in views)
        {
            await connection.ExecuteAsync(new CommandDefinition(record, view, transaction, cancellationToken: cancellationToken));
        }

        foreach (var userId in views.Select(v => v.UserId).Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                trim, new { userId, kept = IRecentViewStore.Kept }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ListAsync(long userId, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT manual_id FROM manual_views WHERE user_id = @userId ORDER BY viewed_at DESC, manual_id DESC LIMIT @limit
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            new CommandDefinition(sql, new { userId, limit }, cancellationToken: cancellationToken))).ToList();
    }
}
