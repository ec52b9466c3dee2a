using System.Text.Json;
using Dapper;
using Manuals.Core.Notifications;

namespace Manuals.Data.Notifications;

/// <summary>Notifications in <c>notifications</c> (args as a JSON array) and e-mail choices in <c>notification_mail_optouts</c>.</summary>
public sealed class NotificationStore(IDbConnectionFactory connections) : INotificationStore
{
    public async Task<IReadOnlyList<long>> AddAsync(
        IReadOnlyCollection<long> userIds, NotificationMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(message);
        const string sql = """
            INSERT INTO notifications (user_id, kind, args, url, dedupe_key, created_at)
            SELECT u.id, @kind, @args, @url, @dedupeKey, @at FROM users u WHERE u.id = @userId AND u.is_disabled = @disabled
            ON CONFLICT DO NOTHING
            """;
        var args = JsonSerializer.Serialize(message.Args);
        var added = new List<long>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var userId in userIds.Distinct())
        {
            var rows = await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new { userId, kind = message.Kind, args, url = message.Url, dedupeKey = message.DedupeKey, at, disabled = false },
                transaction,
                cancellationToken: cancellationToken));
            if (rows > 0)
            {
                added.Add(userId);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(long userId, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, kind, args, url, created_at, read_at FROM notifications
            WHERE user_id = @userId ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { userId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToNotification()).ToList();
    }

    public async Task<int> CountUnreadAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM notifications WHERE user_id = @userId AND read_at IS NULL";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }

    public async Task<Notification?> OpenAsync(long userId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string mark = "UPDATE notifications SET read_at = @at WHERE id = @notificationId AND user_id = @userId AND read_at IS NULL";
        const string read = "SELECT id, kind, args, url, created_at, read_at FROM notifications WHERE id = @notificationId AND user_id = @userId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(mark, new { userId, notificationId, at }, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(read, new { userId, notificationId }, cancellationToken: cancellationToken));
        return row?.ToNotification();
    }

    public async Task MarkAllReadAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, at }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlySet<string>> MailOptOutsAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT kind FROM notification_mail_optouts WHERE user_id = @userId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task SetMailOptOutsAsync(long userId, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM notification_mail_optouts WHERE user_id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        foreach (var kind in kinds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO notification_mail_optouts (user_id, kind) VALUES (@userId, @kind)",
                new { userId, kind },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string Args { get; set; } = "[]";
        public string Url { get; set; } = "/";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? ReadAt { get; set; }

        public Notification ToNotification() =>
            new(Id, Kind, JsonSerializer.Deserialize<List<string>>(Args) ?? [], Url, CreatedAt, ReadAt);
    }
}
