using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Manuals.Core.Handovers;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data.Coverage;
using Manuals.Data.Search;

namespace Manuals.Data.Handovers;

/// <summary>
/// Handovers in <c>handovers</c> with their rows in <c>handover_items</c>, <c>handover_common_items</c>,
/// <c>handover_signoffs</c> and the audit trail in <c>handover_events</c>. Dates are ISO text on both engines.
/// </summary>
public sealed class HandoverStore(IDbConnectionFactory connections) : IHandoverStore
{
    public async Task<long> CreateAsync(Handover handover, HandoverEvent started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(started);
        const string sql = """
            INSERT INTO handovers (employee_id, department_id, reason, effective_date, manager_name, note, status, version, created_by_name, created_at, updated_at)
            VALUES (@EmployeeId, @DepartmentId, @Reason, @EffectiveDate, @ManagerName, @Note, @Status, 1, @CreatedByName, @CreatedAt, @UpdatedAt)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql,
            new
            {
                handover.EmployeeId,
                handover.DepartmentId,
                Reason = handover.Reason.ToString(),
                EffectiveDate = Iso(handover.EffectiveDate),
                handover.ManagerName,
                handover.Note,
                Status = HandoverStatus.InProgress.ToString(),
                handover.CreatedByName,
                handover.CreatedAt,
                handover.UpdatedAt,
            },
            transaction,
            cancellationToken: cancellationToken));
        await WriteRowsAsync(connection, transaction, id, handover, cancellationToken);
        await AddEventsAsync(connection, transaction, id, [started], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<Handover?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string headerSql = """
            SELECT h.id, h.employee_id, e.name AS employee_name, h.department_id, h.reason, h.effective_date, h.manager_name, h.note,
                   h.status, h.version, h.created_by_name, h.created_at, h.updated_at, h.completed_at
            FROM handovers h JOIN employees e ON e.id = h.employee_id
            WHERE h.id = @id
            """;
        const string itemsSql = """
            SELECT i.task_id, t.name AS task_name, i.basis, i.successor_id, i.due_before, i.due_after, i.checks, i.note
            FROM handover_items i JOIN business_tasks t ON t.id = i.task_id
            WHERE i.handover_id = @id
            ORDER BY i.position
            """;
        const string commonSql = "SELECT kind, note, done FROM handover_common_items WHERE handover_id = @id";
        const string signaturesSql = """
            SELECT role, employee_id, name, signed_on, recorded_by_user_id, recorded_by_name, recorded_at, on_behalf
            FROM handover_signoffs WHERE handover_id = @id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var header = await connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(headerSql, new { id }, cancellationToken: cancellationToken));
        if (header is null)
        {
            return null;
        }

        var items = await connection.QueryAsync<ItemRow>(new CommandDefinition(itemsSql, new { id }, cancellationToken: cancellationToken));
        var commons = await connection.QueryAsync<CommonRow>(new CommandDefinition(commonSql, new { id }, cancellationToken: cancellationToken));
        var signatures = await connection.QueryAsync<SignatureRow>(new CommandDefinition(signaturesSql, new { id }, cancellationToken: cancellationToken));
        var handover = header.ToHandover();
        handover.Items = items.Select(i => i.ToItem()).ToList();
        handover.CommonItems = commons.Select(c => c.ToItem()).OrderBy(c => c.Kind).ToList();
        handover.Signatures = signatures.Select(s => s.ToSignature()).OrderBy(s => s.Role).ThenBy(s => s.EmployeeId).ToList();
        return handover;
    }

    public async Task<IReadOnlyList<long>> ListOpenInvolvingAsync(IReadOnlyCollection<long> employeeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        if (employeeIds.Count == 0)
        {
            return [];
        }

        var isOne = connections.Engine == SqlEngine.Postgres ? "= ANY(@ids)" : "IN @ids";
        var sql = $"""
            SELECT h.id FROM handovers h
            WHERE h.status = 'InProgress'
              AND (h.employee_id {isOne}
                   OR EXISTS (SELECT 1 FROM handover_items i WHERE i.handover_id = h.id AND i.successor_id {isOne}))
            ORDER BY h.id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            new CommandDefinition(sql, new { ids = employeeIds.Distinct().ToArray() }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<HandoverSummary>> ListAsync(HandoverFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Ticked boxes are counted bit by bit so the same SQL runs on both engines.
        const string sql = """
            SELECT h.id, h.employee_id, e.name AS employee_name, h.department_id, h.reason, h.effective_date, h.manager_name, h.status, h.created_at,
                   (SELECT COUNT(*) FROM handover_items i WHERE i.handover_id = h.id) AS item_count,
                   (SELECT COALESCE(SUM((i.checks & 1) + (i.checks & 2) / 2 + (i.checks & 4) / 4 + (i.checks & 8) / 8), 0)
                      FROM handover_items i WHERE i.handover_id = h.id)
                   + (SELECT COUNT(*) FROM handover_common_items c WHERE c.handover_id = h.id AND c.done) AS done_boxes,
                   (SELECT COUNT(*) FROM handover_common_items c WHERE c.handover_id = h.id) AS common_count
            FROM handovers h JOIN employees e ON e.id = h.employee_id
            WHERE (@status IS NULL OR h.status = @status)
              AND (@departmentId IS NULL OR h.department_id = @departmentId)
              AND (@from IS NULL OR h.effective_date >= @from)
              AND (@to IS NULL OR h.effective_date <= @to)
              AND (@employeeId IS NULL OR h.employee_id = @employeeId)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            sql,
            new
            {
                status = filter.Status?.ToString(),
                departmentId = filter.DepartmentId,
                from = filter.From is { } f ? Iso(f) : null,
                to = filter.To is { } t ? Iso(t) : null,
                employeeId = filter.EmployeeId,
            },
            cancellationToken: cancellationToken));
        // Ordered here so both engines agree: open ones first, the nearest effective date first.
        return rows.Select(r => r.ToSummary())
            .OrderBy(s => s.Status)
            .ThenBy(s => s.EffectiveDate)
            .ThenBy(s => s.Id)
            .ToList();
    }

    public async Task<bool> SaveAsync(Handover handover, int baseVersion, HandoverEvent saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(saved);
        const string sql = """
            UPDATE handovers SET reason = @Reason, effective_date = @EffectiveDate, manager_name = @ManagerName, note = @Note,
                   version = version + 1, updated_at = @UpdatedAt
            WHERE id = @Id AND version = @baseVersion AND status = 'InProgress'
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                handover.Id,
                Reason = handover.Reason.ToString(),
                EffectiveDate = Iso(handover.EffectiveDate),
                handover.ManagerName,
                handover.Note,
                handover.UpdatedAt,
                baseVersion,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (written != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM handover_items WHERE handover_id = @Id; DELETE FROM handover_common_items WHERE handover_id = @Id",
            new { handover.Id },
            transaction,
            cancellationToken: cancellationToken));
        await WriteRowsAsync(connection, transaction, handover.Id, handover, cancellationToken);
        await AddEventsAsync(connection, transaction, handover.Id, [saved], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SignAsync(long id, HandoverSignature signature, HandoverEvent entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(entry);
        // A box already signed (another tab, another person) is left as it is: the insert writes nothing and the
        // whole change, audit entry included, is rolled back.
        const string sql = """
            INSERT INTO handover_signoffs
                (handover_id, role, employee_id, name, signed_on, recorded_by_user_id, recorded_by_name, recorded_at, on_behalf)
            VALUES (@id, @Role, @EmployeeId, @Name, @SignedOn, @RecordedByUserId, @RecordedByName, @RecordedAt, @OnBehalf)
            ON CONFLICT (handover_id, role, employee_id) DO NOTHING
            """;
        return await ChangeOpenAsync(id, entry, async (connection, transaction) =>
        {
            var written = await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new
                {
                    id,
                    Role = signature.Role.ToString(),
                    signature.EmployeeId,
                    signature.Name,
                    SignedOn = Iso(signature.SignedOn),
                    signature.RecordedByUserId,
                    signature.RecordedByName,
                    signature.RecordedAt,
                    signature.OnBehalf,
                },
                transaction,
                cancellationToken: cancellationToken));
            return written == 1;
        }, cancellationToken);
    }

    public async Task<bool> UnsignAsync(long id, SignOffRole role, long employeeId, HandoverEvent entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        const string sql = "DELETE FROM handover_signoffs WHERE handover_id = @id AND role = @role AND employee_id = @employeeId";
        return await ChangeOpenAsync(id, entry, async (connection, transaction) =>
            await connection.ExecuteAsync(new CommandDefinition(sql, new { id, role = role.ToString(), employeeId }, transaction, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
    }

    public async Task<bool> CompleteAsync(
        long id,
        int baseVersion,
        HandoverCompletionPlan plan,
        Author author,
        IReadOnlyList<HandoverEvent> events,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(events);
        const string completeSql = """
            UPDATE handovers SET status = 'Completed', version = version + 1, updated_at = @now, completed_at = @now
            WHERE id = @id AND version = @baseVersion AND status = 'InProgress'
            """;
        const string ownerSql = """
            UPDATE manuals SET owner_id = @ToUserId
            WHERE id = @ManualId AND (owner_id = @FromUserId OR (owner_id IS NULL AND @FromUserId IS NULL))
            """;
        const string statusSql = """
            UPDATE employees SET status = @status, status_date = @date, updated_at = @now
            WHERE id = (SELECT employee_id FROM handovers WHERE id = @id)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var completed = await connection.ExecuteAsync(new CommandDefinition(
            completeSql, new { id, baseVersion, now }, transaction, cancellationToken: cancellationToken)) == 1;
        var conflicted = completed
            ? await SkillMatrixStore.ApplyInTransactionAsync(connection, transaction, plan.MatrixEdits, author, now, cancellationToken)
            : [];
        var ownersMoved = true;
        foreach (var move in completed && conflicted.Count == 0 ? plan.OwnerMoves : [])
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition(ownerSql, move, transaction, cancellationToken: cancellationToken)) == 1;
            ownersMoved &= moved;
            if (moved)
            {
                // The owner may read the manual whatever its department: search must learn of the new one.
                await SearchJournalWriter.AppendAsync(connection, transaction, move.ManualId, SearchJournalKind.Upsert, cancellationToken);
            }
        }

        if (!completed || conflicted.Count > 0 || !ownersMoved)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        if (plan.NewStatus is { } status)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                statusSql, new { id, status = status.ToString(), date = Iso(plan.StatusDate), now }, transaction, cancellationToken: cancellationToken));
        }

        await AddEventsAsync(connection, transaction, id, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> ReopenAsync(long id, HandoverEvent reopened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reopened);
        const string sql = """
            UPDATE handovers SET status = 'InProgress', version = version + 1, updated_at = @at, completed_at = NULL
            WHERE id = @id AND status = 'Completed'
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { id, at = reopened.At }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await AddEventsAsync(connection, transaction, id, [reopened], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<HandoverEvent>> ListEventsAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "SELECT kind, args, actor_name, at FROM handover_events WHERE handover_id = @id ORDER BY id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    /// <summary>Runs <paramref name="change"/> on an open handover, bumps its version and records the event, in one transaction.</summary>
    private async Task<bool> ChangeOpenAsync(
        long id, HandoverEvent entry, Func<DbConnection, DbTransaction, Task<bool>> change, CancellationToken cancellationToken)
    {
        const string bumpSql = "UPDATE handovers SET version = version + 1, updated_at = @at WHERE id = @id AND status = 'InProgress'";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var open = await connection.ExecuteAsync(new CommandDefinition(bumpSql, new { id, at = entry.At }, transaction, cancellationToken: cancellationToken)) == 1;
        if (!open || !await change(connection, transaction))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await AddEventsAsync(connection, transaction, id, [entry], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, long id, Handover handover, CancellationToken cancellationToken)
    {
        const string itemSql = """
            INSERT INTO handover_items (handover_id, task_id, position, basis, successor_id, due_before, due_after, checks, note)
            VALUES (@id, @TaskId, @Position, @Basis, @SuccessorId, @DueBefore, @DueAfter, @Checks, @Note)
            """;
        const string commonSql = "INSERT INTO handover_common_items (handover_id, kind, note, done) VALUES (@id, @Kind, @Note, @Done)";
        foreach (var (item, position) in handover.Items.Select((item, i) => (item, i)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                itemSql,
                new
                {
                    id,
                    item.TaskId,
                    Position = position,
                    Basis = (int)item.Basis,
                    item.SuccessorId,
                    DueBefore = item.DueBefore is { } before ? Iso(before) : null,
                    DueAfter = item.DueAfter is { } after ? Iso(after) : null,
                    Checks = (int)item.Checks,
                    item.Note,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var common in handover.CommonItems)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                commonSql, new { id, Kind = common.Kind.ToString(), common.Note, common.Done }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task AddEventsAsync(
        DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<HandoverEvent> events, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO handover_events (handover_id, kind, args, actor_name, at) VALUES (@id, @Kind, @Args, @ActorName, @At)";
        foreach (var entry in events)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql,
                new { id, Kind = entry.Kind.ToString(), Args = JsonSerializer.Serialize(entry.Args), entry.ActorName, entry.At },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class HeaderRow
    {
        public long Id { get; set; }
        public long EmployeeId { get; set; }
        public string EmployeeName { get; set; } = "";
        public long DepartmentId { get; set; }
        public string Reason { get; set; } = "";
        public string EffectiveDate { get; set; } = "";
        public string ManagerName { get; set; } = "";
        public string Note { get; set; } = "";
        public string Status { get; set; } = "";
        public long Version { get; set; }
        public string CreatedByName { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }

        public Handover ToHandover() => new()
        {
            Id = Id,
            EmployeeId = EmployeeId,
            EmployeeName = EmployeeName,
            DepartmentId = DepartmentId,
            Reason = Enum.Parse<HandoverReason>(Reason),
            EffectiveDate = ParseDate(EffectiveDate),
            ManagerName = ManagerName,
            Note = Note,
            Status = Enum.Parse<HandoverStatus>(Status),
            Version = (int)Version,
            CreatedByName = CreatedByName,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            CompletedAt = CompletedAt,
        };
    }

    private sealed class ItemRow
    {
        public long TaskId { get; set; }
        public string TaskName { get; set; } = "";
        public long Basis { get; set; }
        public long? SuccessorId { get; set; }
        public string? DueBefore { get; set; }
        public string? DueAfter { get; set; }
        public long Checks { get; set; }
        public string Note { get; set; } = "";

        public HandoverItem ToItem() => new()
        {
            TaskId = TaskId,
            TaskName = TaskName,
            Basis = (HandoverItemBasis)Basis,
            SuccessorId = SuccessorId,
            DueBefore = DueBefore is null ? null : ParseDate(DueBefore),
            DueAfter = DueAfter is null ? null : ParseDate(DueAfter),
            Checks = (HandoverChecks)Checks,
            Note = Note,
        };
    }

    private sealed class CommonRow
    {
        public string Kind { get; set; } = "";
        public string Note { get; set; } = "";
        public bool Done { get; set; }

        public HandoverCommonItem ToItem() => new(Enum.Parse<CommonItemKind>(Kind), Note, Done);
    }

    private sealed class SignatureRow
    {
        public string Role { get; set; } = "";
        public long EmployeeId { get; set; }
        public string Name { get; set; } = "";
        public string SignedOn { get; set; } = "";
        public long? RecordedByUserId { get; set; }
        public string RecordedByName { get; set; } = "";
        public DateTimeOffset RecordedAt { get; set; }
        public bool OnBehalf { get; set; }

        public HandoverSignature ToSignature() =>
            new(Enum.Parse<SignOffRole>(Role), EmployeeId, Name, ParseDate(SignedOn), RecordedByUserId, RecordedByName, RecordedAt, OnBehalf);
    }

    private sealed class SummaryRow
    {
        public long Id { get; set; }
        public long EmployeeId { get; set; }
        public string EmployeeName { get; set; } = "";
        public long DepartmentId { get; set; }
        public string Reason { get; set; } = "";
        public string EffectiveDate { get; set; } = "";
        public string ManagerName { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public long ItemCount { get; set; }
        public long DoneBoxes { get; set; }
        public long CommonCount { get; set; }

        public HandoverSummary ToSummary() => new()
        {
            Id = Id,
            EmployeeId = EmployeeId,
            EmployeeName = EmployeeName,
            DepartmentId = DepartmentId,
            Reason = Enum.Parse<HandoverReason>(Reason),
            EffectiveDate = ParseDate(EffectiveDate),
            ManagerName = ManagerName,
            Status = Enum.Parse<HandoverStatus>(Status),
            CreatedAt = CreatedAt,
            ItemCount = (int)ItemCount,
            DoneBoxes = (int)DoneBoxes,
            TotalBoxes = (int)((ItemCount * 4) + CommonCount),
        };
    }

    private sealed class EventRow
    {
        public string Kind { get; set; } = "";
        public string Args { get; set; } = "[]";
        public string ActorName { get; set; } = "";
        public DateTimeOffset At { get; set; }

        public HandoverEvent ToEvent() =>
            new(Enum.Parse<HandoverEventKind>(Kind), JsonSerializer.Deserialize<string[]>(Args) ?? [], ActorName, At);
    }
}
