using System.Globalization;
using Dapper;
using Manuals.Core.Reading;

namespace Manuals.Data.Reading;

/// <summary>Required reading in <c>reading_assignments</c> and <c>read_confirmations</c>.</summary>
public sealed class RequiredReadingStore(IDbConnectionFactory connections) : IRequiredReadingStore
{
    // The revision a reader must have confirmed: the latest marked 重要な変更, or the first.
    private const string RequiredRevision = """
        (SELECT MAX(r.number) FROM manual_revisions r WHERE r.manual_id = rows.manual_id AND (r.is_material = @material OR r.number = 1))
        """;

    public async Task AssignAsync(
        long manualId,
        IReadOnlyCollection<long> userIds,
        IReadOnlyCollection<long> departmentIds,
        DateOnly dueOn,
        long assignedBy,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(departmentIds);
        const string toUser = """
            INSERT INTO reading_assignments (manual_id, user_id, due_on, assigned_by, assigned_at)
            VALUES (@manualId, @targetId, @dueOn, @assignedBy, @at)
            ON CONFLICT (manual_id, user_id) WHERE user_id IS NOT NULL
            DO UPDATE SET due_on = excluded.due_on, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
            """;
        const string toDepartment = """
            INSERT INTO reading_assignments (manual_id, department_id, due_on, assigned_by, assigned_at)
            VALUES (@manualId, @targetId, @dueOn, @assignedBy, @at)
            ON CONFLICT (manual_id, department_id) WHERE department_id IS NOT NULL
            DO UPDATE SET due_on = excluded.due_on, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
            """;
        var day = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (sql, targetId) in userIds.Distinct().Select(id => (toUser, id)).Concat(departmentIds.Distinct().Select(id => (toDepartment, id))))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql, new { manualId, targetId, dueOn = day, assignedBy, at }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingTarget>> ListTargetsAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.id, a.user_id, a.department_id, COALESCE(u.display_name, d.name) AS name, a.due_on
            FROM reading_assignments a
            LEFT JOIN users u ON u.id = a.user_id
            LEFT JOIN departments d ON d.id = a.department_id
            WHERE a.manual_id = @manualId
            ORDER BY CASE WHEN a.user_id IS NULL THEN 1 ELSE 0 END, COALESCE(u.display_name, d.name), a.id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long? UserId, long? DepartmentId, string Name, string DueOn)>(
            new CommandDefinition(sql, new { manualId }, cancellationToken: cancellationToken));
        return rows
            .Select(r => new ReadingTarget(r.Id, r.UserId, r.DepartmentId, r.Name, DateOnly.ParseExact(r.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
    }

    public async Task<bool> RemoveAsync(long manualId, long targetId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM reading_assignments WHERE id = @targetId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { manualId, targetId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task RecordOpenAsync(long manualId, long userId, int revisionNumber, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO reading_opens (manual_id, user_id, revision_number, opened_at)
            VALUES (@manualId, @userId, @revisionNumber, @at)
            ON CONFLICT (manual_id, user_id) DO UPDATE SET revision_number = excluded.revision_number, opened_at = excluded.opened_at
            WHERE reading_opens.revision_number < excluded.revision_number
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { manualId, userId, revisionNumber, at }, cancellationToken: cancellationToken));
    }

    public async Task ConfirmAsync(long manualId, long userId, int revisionNumber, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO read_confirmations (manual_id, user_id, revision_number, confirmed_at)
            VALUES (@manualId, @userId, @revisionNumber, @at)
            ON CONFLICT (manual_id, user_id) DO UPDATE SET revision_number = excluded.revision_number, confirmed_at = excluded.confirmed_at
            WHERE read_confirmations.revision_number <= excluded.revision_number
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { manualId, userId, revisionNumber, at }, cancellationToken: cancellationToken));
    }

    public Task<IReadOnlyList<ReadingRow>> ListForUserAsync(long userId, CancellationToken cancellationToken) =>
        ListForUserAsync(userId, null, cancellationToken);

    public async Task<ReadingRow?> FindForUserAsync(long userId, long manualId, CancellationToken cancellationToken) =>
        (await ListForUserAsync(userId, manualId, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<ReadingRow>> ListForUserAsync(long userId, long? manualId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT rows.manual_id, rows.user_id, u.display_name, rows.due_on, c.revision_number AS confirmed_revision, c.confirmed_at,
                   {RequiredRevision} AS required_revision, o.revision_number AS opened_revision
            FROM (
                SELECT a.manual_id, @userId AS user_id, MIN(a.due_on) AS due_on
                FROM reading_assignments a
                WHERE (a.user_id = @userId
                       OR a.department_id IN (SELECT ud.department_id FROM user_departments ud WHERE ud.user_id = @userId))
                  AND (@manualId IS NULL OR a.manual_id = @manualId)
                GROUP BY a.manual_id
            ) rows
            JOIN users u ON u.id = rows.user_id
            LEFT JOIN read_confirmations c ON c.manual_id = rows.manual_id AND c.user_id = rows.user_id
            LEFT JOIN reading_opens o ON o.manual_id = rows.manual_id AND o.user_id = rows.user_id
            ORDER BY rows.due_on, rows.manual_id
            """;
        return await QueryAsync(sql, new { userId, manualId, material = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingRow>> ListForManualAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT rows.manual_id, rows.user_id, u.display_name, rows.due_on, c.revision_number AS confirmed_revision, c.confirmed_at,
                   {RequiredRevision} AS required_revision, k.failed_attempts AS failed_checks, k.passed_on_attempt AS passed_check_on_attempt,
                   o.revision_number AS opened_revision
            FROM (
                SELECT @manualId AS manual_id, targets.user_id, MIN(targets.due_on) AS due_on
                FROM (
                    SELECT a.user_id, a.due_on FROM reading_assignments a WHERE a.manual_id = @manualId AND a.user_id IS NOT NULL
                    UNION ALL
                    SELECT ud.user_id, a.due_on
                    FROM reading_assignments a
                    JOIN user_departments ud ON ud.department_id = a.department_id
                    WHERE a.manual_id = @manualId
                ) targets
                GROUP BY targets.user_id
            ) rows
            JOIN users u ON u.id = rows.user_id AND u.is_disabled = @disabled
            LEFT JOIN read_confirmations c ON c.manual_id = rows.manual_id AND c.user_id = rows.user_id
            LEFT JOIN reading_opens o ON o.manual_id = rows.manual_id AND o.user_id = rows.user_id
            LEFT JOIN check_results k ON k.manual_id = rows.manual_id AND k.user_id = rows.user_id
            ORDER BY u.display_name, rows.user_id
            """;
        return await QueryAsync(sql, new { manualId, material = true, disabled = false }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingRow>> ListForDepartmentAsync(long departmentId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT rows.manual_id, rows.user_id, u.display_name, rows.due_on, c.revision_number AS confirmed_revision, c.confirmed_at,
                   {RequiredRevision} AS required_revision, o.revision_number AS opened_revision
            FROM (
                SELECT targets.manual_id, targets.user_id, MIN(targets.due_on) AS due_on
                FROM (
                    SELECT a.manual_id, a.user_id, a.due_on
                    FROM reading_assignments a
                    JOIN user_departments m ON m.user_id = a.user_id AND m.department_id = @departmentId
                    UNION ALL
                    SELECT a.manual_id, ud.user_id, a.due_on
                    FROM reading_assignments a
                    JOIN user_departments ud ON ud.department_id = a.department_id
                    JOIN user_departments m ON m.user_id = ud.user_id AND m.department_id = @departmentId
                ) targets
                GROUP BY targets.manual_id, targets.user_id
            ) rows
            JOIN users u ON u.id = rows.user_id AND u.is_disabled = @disabled
            LEFT JOIN read_confirmations c ON c.manual_id = rows.manual_id AND c.user_id = rows.user_id
            LEFT JOIN reading_opens o ON o.manual_id = rows.manual_id AND o.user_id = rows.user_id
            ORDER BY u.display_name, rows.user_id, rows.due_on, rows.manual_id
            """;
        return await QueryAsync(sql, new { departmentId, material = true, disabled = false }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingRow>> ListDueAsync(DateOnly day, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT rows.manual_id, rows.user_id, u.display_name, rows.due_on, c.revision_number AS confirmed_revision, c.confirmed_at,
                   {RequiredRevision} AS required_revision, o.revision_number AS opened_revision
            FROM (
                SELECT targets.manual_id, targets.user_id, MIN(targets.due_on) AS due_on
                FROM (
                    SELECT a.manual_id, a.user_id, a.due_on FROM reading_assignments a WHERE a.user_id IS NOT NULL AND a.due_on <= @day
                    UNION ALL
                    SELECT a.manual_id, ud.user_id, a.due_on
                    FROM reading_assignments a
                    JOIN user_departments ud ON ud.department_id = a.department_id
                    WHERE a.due_on <= @day
                ) targets
                GROUP BY targets.manual_id, targets.user_id
            ) rows
            JOIN users u ON u.id = rows.user_id AND u.is_disabled = @disabled
            LEFT JOIN read_confirmations c ON c.manual_id = rows.manual_id AND c.user_id = rows.user_id
            LEFT JOIN reading_opens o ON o.manual_id = rows.manual_id AND o.user_id = rows.user_id
            ORDER BY rows.manual_id, rows.user_id
            """;
        return await QueryAsync(
            sql, new { day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), material = true, disabled = false }, cancellationToken);
    }

    private async Task<IReadOnlyList<ReadingRow>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows
            .Select(r => new ReadingRow(
                r.ManualId,
                r.UserId,
                r.DisplayName,
                DateOnly.ParseExact(r.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.ConfirmedRevision is { } confirmed ? (int)confirmed : null,
                r.ConfirmedAt,
                (int)(r.RequiredRevision ?? 1),
                (int)(r.FailedChecks ?? 0),
                r.PassedCheckOnAttempt is { } passed ? (int)passed : null,
                r.OpenedRevision is { } opened ? (int)opened : null))
            .ToList();
    }

    private sealed class Row
    {
        public long ManualId { get; set; }
        public long UserId { get; set; }
        public string DisplayName { get; set; } = "";
        public string DueOn { get; set; } = "";
        public long? ConfirmedRevision { get; set; }
        public DateTimeOffset? ConfirmedAt { get; set; }
        public long? RequiredRevision { get; set; }
        public long? FailedChecks { get; set; }
        public long? PassedCheckOnAttempt { get; set; }
        public long? OpenedRevision { get; set; }
    }
}
