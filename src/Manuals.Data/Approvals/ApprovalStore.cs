using System.Data.Common;
using Dapper;
using Manuals.Core.Approvals;
using Manuals.Core.Manuals;
using Manuals.Data.Manuals;

namespace Manuals.Data.Approvals;

/// <summary>
/// Approval routes and requests. A request's text lives only here until its last approval, which saves it as the
/// manual's next revision in the same transaction (through <see cref="ManualStore"/>'s save, journal row included).
/// Every step is a guarded UPDATE (state and stage in the WHERE), so of two approvers clicking at once exactly one wins.
/// </summary>
public sealed class ApprovalStore(IDbConnectionFactory connections) : IApprovalStore
{
    private const string RequestColumns = """
        id, manual_id, base_revision, title, department_id, visibility, status, template, tag_lines, body, change_note,
        is_material, requested_by_id, requested_by_name, requested_at, stages AS stages_text, current_stage, state, closed_at
        """;

    public async Task<IReadOnlyList<ApprovalStage>> GetStagesAsync(long departmentId, CancellationToken cancellationToken) =>
        (await ListStagesAsync(departmentId, cancellationToken)).GetValueOrDefault(departmentId) ?? [];

    public Task<IReadOnlyDictionary<long, IReadOnlyList<ApprovalStage>>> ListStagesAsync(CancellationToken cancellationToken) =>
        ListStagesAsync(null, cancellationToken);

    private async Task<IReadOnlyDictionary<long, IReadOnlyList<ApprovalStage>>> ListStagesAsync(long? departmentId, CancellationToken cancellationToken)
    {
        const string stagesSql = """
            SELECT department_id, stage, approver_kind FROM approval_stages
            WHERE @departmentId IS NULL OR department_id = @departmentId
            """;
        const string usersSql = """
            SELECT department_id, stage, user_id FROM approval_stage_users
            WHERE @departmentId IS NULL OR department_id = @departmentId
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stages = await connection.QueryAsync<(long DepartmentId, long Stage, string Kind)>(
            new CommandDefinition(stagesSql, new { departmentId }, cancellationToken: cancellationToken));
        var users = (await connection.QueryAsync<(long DepartmentId, long Stage, long UserId)>(
                new CommandDefinition(usersSql, new { departmentId }, cancellationToken: cancellationToken)))
            .ToLookup(u => (u.DepartmentId, u.Stage), u => u.UserId);
        return stages
            .GroupBy(s => s.DepartmentId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ApprovalStage>)g.OrderBy(s => s.Stage)
                    .Select(s => new ApprovalStage((int)s.Stage, Enum.Parse<ApproverKind>(s.Kind), users[(s.DepartmentId, s.Stage)].Order().ToList()))
                    .ToList());
    }

    public async Task ReplaceStagesAsync(long departmentId, IReadOnlyList<ApprovalStage> stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        const string clearUsersSql = "DELETE FROM approval_stage_users WHERE department_id = @departmentId";
        const string clearSql = "DELETE FROM approval_stages WHERE department_id = @departmentId";
        const string stageSql = "INSERT INTO approval_stages (department_id, stage, approver_kind) VALUES (@departmentId, @stage, @kind)";
        const string userSql = "INSERT INTO approval_stage_users (department_id, stage, user_id) VALUES (@departmentId, @stage, @userId)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(clearUsersSql, new { departmentId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(clearSql, new { departmentId }, transaction, cancellationToken: cancellationToken));
        foreach (var stage in stages)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                stageSql, new { departmentId, stage = stage.Number, kind = stage.Kind.ToString() }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                userSql,
                stage.UserIds.Distinct().Select(userId => new { departmentId, stage = stage.Number, userId }),
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> SubmitAsync(
        long manualId,
        int baseRevision,
        ManualDraft draft,
        Author author,
        IReadOnlyList<ApprovalStage> stages,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(author);
        const string supersedeSql = """
            UPDATE approval_requests SET state = 'Superseded', closed_at = @now
            WHERE manual_id = @manualId AND state IN ('Pending', 'SentBack')
            """;
        const string insertSql = """
            INSERT INTO approval_requests (manual_id, base_revision, title, department_id, visibility, status, template, tag_lines,
                body, change_note, is_material, requested_by_id, requested_by_name, requested_at, stages, current_stage, state)
            VALUES (@manualId, @baseRevision, @Title, @DepartmentId, @visibility, @status, @Template, @tagLines,
                @Body, @ChangeNote, @MaterialChange, @authorId, @authorName, @now, @stages, 1, 'Pending')
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(supersedeSql, new { manualId, now }, transaction, cancellationToken: cancellationToken));
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                insertSql,
                new
                {
                    manualId,
                    baseRevision,
                    draft.Title,
                    draft.DepartmentId,
                    visibility = draft.Visibility.ToString(),
                    status = draft.Status.ToString(),
                    draft.Template,
                    tagLines = string.Join('\n', draft.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)),
                    draft.Body,
                    draft.ChangeNote,
                    draft.MaterialChange,
                    authorId = author.UserId,
                    authorName = author.Name,
                    now,
                    stages = ApprovalStages.Format(stages),
                },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return id;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another request of the manual became 承認待ち between our UPDATE and INSERT.
            return null;
        }
    }

    public async Task<ApprovalRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {RequestColumns} FROM approval_requests WHERE id = @id";
        const string decisionsSql = """
            SELECT request_id, stage, decision, user_id, user_name, comment, decided_at
            FROM approval_decisions WHERE request_id = @id ORDER BY id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var request = await connection.QuerySingleOrDefaultAsync<ApprovalRequest>(
            new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        if (request is not null)
        {
            request.Decisions = (await connection.QueryAsync<ApprovalDecision>(
                new CommandDefinition(decisionsSql, new { id }, cancellationToken: cancellationToken))).ToList();
        }

        return request;
    }

    public async Task<ApprovalRequest?> FindOpenAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {RequestColumns} FROM approval_requests
            WHERE manual_id = @manualId AND state IN ('Pending', 'SentBack')
            ORDER BY id DESC
            LIMIT 1
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApprovalRequest>(
            new CommandDefinition(sql, new { manualId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApprovalRequest>> ListOpenAsync(CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {RequestColumns} FROM approval_requests
            WHERE state IN ('Pending', 'SentBack')
            ORDER BY requested_at, id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ApprovalRequest>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<ApprovalWrite> ApproveAsync(long id, int stage, Author approver, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        // The guard: still waiting, still at this stage. The loser of two simultaneous clicks updates no row.
        const string advanceSql = """
            UPDATE approval_requests
            SET current_stage = current_stage + 1,
                state = CASE WHEN @last THEN 'Approved' ELSE state END,
                closed_at = CASE WHEN @last THEN @now ELSE closed_at END
            WHERE id = @id AND state = 'Pending' AND current_stage = @stage
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var request = await FindForUpdateAsync(connection, transaction, id, cancellationToken);
        if (request is null || request.State != ApprovalRequestState.Pending || request.CurrentStage != stage)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ApprovalWrite.Stale;
        }

        var last = stage >= request.Stages.Count;
        if (await connection.ExecuteAsync(new CommandDefinition(advanceSql, new { id, stage, last, now }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ApprovalWrite.Stale;
        }

        await DecideAsync(connection, transaction, id, stage, ApprovalDecisionKind.Approved, approver, null, now, cancellationToken);
        if (last)
        {
            // The writer is the new revision's author; it is written now, when it becomes what readers see.
            var writer = new Author(request.RequestedById, request.RequestedByName);
            if (!await ManualStore.TryUpdateAsync(connection, transaction, request.ManualId, request.BaseRevision, request.ToDraft(), writer, now, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return ApprovalWrite.ManualMoved;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ApprovalWrite.Done;
    }

    public async Task<ApprovalWrite> SendBackAsync(
        long id, int stage, Author approver, string comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        const string sql = """
            UPDATE approval_requests SET state = 'SentBack', closed_at = @now
            WHERE id = @id AND state = 'Pending' AND current_stage = @stage
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { id, stage, now }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ApprovalWrite.Stale;
        }

        await DecideAsync(connection, transaction, id, stage, ApprovalDecisionKind.SentBack, approver, comment, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApprovalWrite.Done;
    }

    public async Task<ApprovalWrite> WithdrawAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE approval_requests SET state = 'Withdrawn', closed_at = @now
            WHERE id = @id AND state IN ('Pending', 'SentBack')
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now }, cancellationToken: cancellationToken)) == 1
            ? ApprovalWrite.Done
            : ApprovalWrite.Stale;
    }

    private static async Task<ApprovalRequest?> FindForUpdateAsync(
        DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {RequestColumns} FROM approval_requests WHERE id = @id";
        return await connection.QuerySingleOrDefaultAsync<ApprovalRequest>(
            new CommandDefinition(sql, new { id }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task DecideAsync(
        DbConnection connection,
        DbTransaction transaction,
        long requestId,
        int stage,
        ApprovalDecisionKind decision,
        Author approver,
        string? comment,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO approval_decisions (request_id, stage, decision, user_id, user_name, comment, decided_at)
            VALUES (@requestId, @stage, @decision, @userId, @userName, @comment, @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { requestId, stage, decision = decision.ToString(), userId = approver.UserId, userName = approver.Name, comment, now },
            transaction,
            cancellationToken: cancellationToken));
    }
}
