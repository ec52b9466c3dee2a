using System.Data.Common;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Images;
using Manuals.Data.Search;

namespace Manuals.Data.Manuals;

/// <summary>
/// Manuals and their revisions. Every save writes the manual row, a new revision and a search journal row in one
/// transaction.
/// </summary>
public sealed class ManualStore(IDbConnectionFactory connections) : IManualStore
{
    private const string SummaryColumns = """
        m.id, m.title, m.department_id, m.visibility, m.status, m.template, m.owner_id, o.display_name AS owner_name,
        m.revision_number, m.created_at, m.updated_at, m.review_interval_days, m.reviewed_at
        """;

    public async Task<Manual?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id, m.title, m.department_id, m.visibility, m.status, m.template, m.owner_id,
                   u.display_name AS owner_name, m.revision_number, m.body, m.created_at, m.updated_at,
                   m.review_interval_days, m.reviewed_at, m.reviewed_by_id, r.display_name AS reviewed_by_name
            FROM manuals m
            LEFT JOIN users u ON u.id = m.owner_id
            LEFT JOIN users r ON r.id = m.reviewed_by_id
            WHERE m.id = @id
            """;
        const string tagsSql = "SELECT tag FROM manual_tags WHERE manual_id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var manual = await connection.QuerySingleOrDefaultAsync<Manual>(
            new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        if (manual is not null)
        {
            var tags = await connection.QueryAsync<string>(new CommandDefinition(tagsSql, new { id }, cancellationToken: cancellationToken));
            // Ordered here, not in SQL, so both engines agree whatever the database collation.
            manual.Tags = tags.Order(StringComparer.Ordinal).ToList();
        }

        return manual;
    }

    public async Task<IReadOnlyList<ManualSummary>> ListAsync(long? departmentId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE @departmentId IS NULL OR m.department_id = @departmentId
            ORDER BY m.updated_at DESC, m.id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ManualSummary>(
            new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM manuals";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task<ManualListSlice> ListReadableAsync(
        Viewer viewer, long? departmentId, ManualListPosition? position, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        ManualSummary? from = null;
        if (position is not null)
        {
            from = await connection.QuerySingleOrDefaultAsync<ManualSummary>(new CommandDefinition(
                "SELECT id, updated_at FROM manuals WHERE id = @id", new { id = position.ManualId }, cancellationToken: cancellationToken));
        }

        // Newest first; a page before a position is read oldest first from it and turned round. One more row than asked
        // tells whether the list goes on.
        var before = position is { Before: true } && from is not null;
        var keyset = from is null
            ? ""
            : before
                ? "AND (m.updated_at > @fromUpdatedAt OR (m.updated_at = @fromUpdatedAt AND m.id > @fromId))"
                : "AND (m.updated_at < @fromUpdatedAt OR (m.updated_at = @fromUpdatedAt AND m.id < @fromId))";
        var order = before ? "m.updated_at ASC, m.id ASC" : "m.updated_at DESC, m.id DESC";
        var sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE ({ReadableBy(viewer)}) AND (@departmentId IS NULL OR m.department_id = @departmentId) {keyset}
            ORDER BY {order}
            LIMIT @take
            """;
        var rows = (await connection.QueryAsync<ManualSummary>(new CommandDefinition(
            sql,
            new
            {
                departmentId,
                fromUpdatedAt = from?.UpdatedAt ?? default,
                fromId = from?.Id ?? 0,
                take = limit + 1,
                viewerId = viewer.UserId,
                departmentIds = DepartmentIds(viewer),
            },
            cancellationToken: cancellationToken))).ToList();
        var more = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        if (before)
        {
            page.Reverse();
        }

        return before
            ? new ManualListSlice(page, HasNewer: more, HasOlder: true)
            : new ManualListSlice(page, HasNewer: from is not null, HasOlder: more);
    }

    public async Task<IReadOnlyDictionary<long, int>> CountReadableByDepartmentAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // Counted in groups of what the access policy looks at, so the policy itself decides on each group: a few hundred
        // groups, read from an index without touching the manuals' text.
        const string sql = """
            SELECT department_id, visibility, status, CASE WHEN owner_id = @viewerId THEN 1 ELSE 0 END AS owned, COUNT(*) AS manuals
            FROM manuals
            GROUP BY department_id, visibility, status, CASE WHEN owner_id = @viewerId THEN 1 ELSE 0 END
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var groups = await connection.QueryAsync<(long DepartmentId, string Visibility, string Status, long Owned, long Manuals)>(
            new CommandDefinition(sql, new { viewerId = viewer.UserId }, cancellationToken: cancellationToken));
        return groups
            .Where(g => ManualAccessPolicy.CanRead(
                viewer,
                g.DepartmentId,
                Enum.Parse<ManualVisibility>(g.Visibility),
                g.Owned == 1 ? viewer.UserId : null,
                Enum.Parse<ManualStatus>(g.Status)))
            .GroupBy(g => g.DepartmentId)
            .ToDictionary(g => g.Key, g => (int)g.Sum(x => x.Manuals));
    }

    public async Task<IReadOnlyList<ManualSummary>> ListByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE {IdIn("m.id")}
            """;
        return await ListInChunksAsync<ManualSummary>(sql, ids, cancellationToken);
    }

    public async Task<IReadOnlyList<ManualSummary>> ListLinkedToTasksAsync(CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE m.id IN (SELECT manual_id FROM task_manuals)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ManualSummary>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<ManualText>> ListTextsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sql = $"SELECT id, revision_number, body FROM manuals WHERE {IdIn("id")}";
        return await ListInChunksAsync<ManualText>(sql, ids, cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> (which takes <c>@ids</c>) for at most 500 ids at a time, on one connection.</summary>
    private async Task<IReadOnlyList<T>> ListInChunksAsync<T>(string sql, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (ids.Count == 0)
        {
            return rows;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            rows.AddRange(await connection.QueryAsync<T>(new CommandDefinition(sql, new { ids = chunk }, cancellationToken: cancellationToken)));
        }

        return rows;
    }

    private string IdIn(string column) => connections.Engine == SqlEngine.Postgres ? $"{column} = ANY(@ids)" : $"{column} IN @ids";

    public async Task<IReadOnlyList<ManualSummary>> ListOwnedAsync(long ownerId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE m.owner_id = @ownerId
            ORDER BY m.updated_at DESC, m.id DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ManualSummary>(
            new CommandDefinition(sql, new { ownerId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<ManualSummary>> ListOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // ReviewSchedule.DueAt in SQL, with a day to spare for the engines' date arithmetic; ReviewSchedule itself then
        // decides on each of those few, so the boundary is exactly the one the manual page shows.
        var dueBy = connections.Engine == SqlEngine.Postgres
            ? "COALESCE(m.reviewed_at, m.created_at) + make_interval(days => m.review_interval_days - 1) <= @now"
            : "julianday(COALESCE(m.reviewed_at, m.created_at)) + m.review_interval_days - 1 <= julianday(@now)";
        var sql = $"""
            SELECT {SummaryColumns}
            FROM manuals m
            LEFT JOIN users o ON o.id = m.owner_id
            WHERE m.status = 'Published' AND {dueBy}
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ManualSummary>(new CommandDefinition(sql, new { now }, cancellationToken: cancellationToken)))
            .Where(m => ReviewSchedule.StateOf(m.Status, ReviewSchedule.DueAt(m), now) == ReviewState.Overdue)
            .ToList();
    }

    /// <summary>
    /// <see cref="ManualAccessPolicy.CanRead(Viewer, ManualSummary)"/> as a SQL condition on <c>m</c>, for lists that must
    /// page in the database (tests compare the two on every kind of manual and viewer). Only fixed text depends on the
    /// viewer's roles; their id and departments are the parameters <c>@viewerId</c> and <c>@departmentIds</c>.
    /// </summary>
    private string ReadableBy(Viewer viewer)
    {
        if (viewer.IsAdmin)
        {
            return "1 = 1";
        }

        var own = connections.Engine == SqlEngine.Postgres
            ? "m.department_id = ANY(@departmentIds) OR m.owner_id = @viewerId"
            : "m.department_id IN @departmentIds OR m.owner_id = @viewerId";
        // Writers read their own departments' and their own drafts too; nobody else reads a draft.
        return viewer.IsWriter
            ? $"(m.visibility = 'Company' AND m.status <> 'Draft') OR {own}"
            : $"m.status <> 'Draft' AND (m.visibility = 'Company' OR {own})";
    }

    private static long[] DepartmentIds(Viewer viewer) => viewer.DepartmentIds.ToArray();

    public async Task<long> CreateAsync(ManualDraft draft, Author author, long? ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        const string sql = """
            INSERT INTO manuals (title, department_id, visibility, status, template, owner_id, revision_number, body, created_at, updated_at)
            VALUES (@Title, @DepartmentId, @Visibility, @Status, @Template, @ownerId, 1, @Body, @now, @now)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql,
            new
            {
                draft.Title,
                draft.DepartmentId,
                Visibility = draft.Visibility.ToString(),
                Status = draft.Status.ToString(),
                draft.Template,
                ownerId,
                draft.Body,
                now,
            },
            transaction,
            cancellationToken: cancellationToken));
        await WriteRevisionAsync(connection, transaction, id, 1, draft, author, now, cancellationToken);
        await ManualImageUsage.RecordAsync(connection, transaction, id, ImageReferences.Extract(draft.Body), cancellationToken);
        // Every node's search index learns of the save from the journal row, written in the same transaction.
        await SearchJournalWriter.AppendAsync(connection, transaction, id, SearchJournalKind.Upsert, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<bool> TryUpdateAsync(long id, int baseRevision, ManualDraft draft, Author author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await TryUpdateAsync(connection, transaction, id, baseRevision, draft, author, now, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// <see cref="TryUpdateAsync(long, int, ManualDraft, Author, DateTimeOffset, CancellationToken)"/> inside a transaction
    /// another feature composes (the last approval of a request saves its text in the approval's transaction). False,
    /// having written nothing, when the manual is no longer at <paramref name="baseRevision"/>.
    /// </summary>
    internal static async Task<bool> TryUpdateAsync(
        DbConnection connection,
        DbTransaction transaction,
        long id,
        int baseRevision,
        ManualDraft draft,
        Author author,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // The WHERE on revision_number is the optimistic-concurrency check: of two writers that started from the
        // same revision, exactly one updates a row; the other gets 0 rows and a conflict, never a silent overwrite.
        const string sql = """
            UPDATE manuals
            SET title = @Title, department_id = @DepartmentId, visibility = @Visibility, status = @Status,
                template = @Template, body = @Body, revision_number = @next, updated_at = @now
            WHERE id = @id AND revision_number = @baseRevision
            """;
        const string clearTagsSql = "DELETE FROM manual_tags WHERE manual_id = @id";
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                id,
                baseRevision,
                next = baseRevision + 1,
                draft.Title,
                draft.DepartmentId,
                Visibility = draft.Visibility.ToString(),
                Status = draft.Status.ToString(),
                draft.Template,
                draft.Body,
                now,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(clearTagsSql, new { id }, transaction, cancellationToken: cancellationToken));
        await WriteRevisionAsync(connection, transaction, id, baseRevision + 1, draft, author, now, cancellationToken);
        await ManualImageUsage.RecordAsync(connection, transaction, id, ImageReferences.Extract(draft.Body), cancellationToken);
        // Every node's search index learns of the save from the journal row, written in the same transaction.
        await SearchJournalWriter.AppendAsync(connection, transaction, id, SearchJournalKind.Upsert, cancellationToken);
        return true;
    }

    public async Task<bool> MarkReviewedAsync(long id, long? reviewerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Not journalled: when a manual was reviewed is neither searched nor part of who may read it.
        const string sql = "UPDATE manuals SET reviewed_at = @now, reviewed_by_id = @reviewerId WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, reviewerId, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> UpdateSettingsAsync(long id, long? ownerId, int reviewIntervalDays, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE manuals SET owner_id = @ownerId, review_interval_days = @reviewIntervalDays WHERE id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { id, ownerId, reviewIntervalDays }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        // The owner may read a manual of another department, so search must learn of the change.
        await SearchJournalWriter.AppendAsync(connection, transaction, id, SearchJournalKind.Upsert, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ManualRevision>> ListRevisionsAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT manual_id, number, title, body, author_id, author_name, change_note, created_at
            FROM manual_revisions
            WHERE manual_id = @manualId
            ORDER BY number DESC
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ManualRevision>(
            new CommandDefinition(sql, new { manualId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<ManualRevision?> FindRevisionAsync(long manualId, int number, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT manual_id, number, title, body, author_id, author_name, change_note, created_at
            FROM manual_revisions
            WHERE manual_id = @manualId AND number = @number
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ManualRevision>(
            new CommandDefinition(sql, new { manualId, number }, cancellationToken: cancellationToken));
    }

    private static async Task WriteRevisionAsync(
        DbConnection connection,
        DbTransaction transaction,
        long manualId,
        int number,
        ManualDraft draft,
        Author author,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        const string revisionSql = """
            INSERT INTO manual_revisions (manual_id, number, title, body, author_id, author_name, change_note, created_at, is_material)
            VALUES (@manualId, @number, @Title, @Body, @authorId, @authorName, @ChangeNote, @now, @MaterialChange)
            """;
        const string tagSql = "INSERT INTO manual_tags (manual_id, tag) VALUES (@manualId, @tag)";
        await connection.ExecuteAsync(new CommandDefinition(
            revisionSql,
            new { manualId, number, draft.Title, draft.Body, authorId = author.UserId, authorName = author.Name, draft.ChangeNote, now, draft.MaterialChange },
            transaction,
            cancellationToken: cancellationToken));
        var tags = draft.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(tag => new { manualId, tag });
        await connection.ExecuteAsync(new CommandDefinition(tagSql, tags, transaction, cancellationToken: cancellationToken));
    }
}
