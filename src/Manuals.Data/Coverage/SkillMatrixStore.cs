using System.Data.Common;
using Dapper;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;

namespace Manuals.Data.Coverage;

/// <summary>The matrix cells in <c>skill_cells</c> and their history in <c>skill_changes</c>.</summary>
public sealed class SkillMatrixStore(IDbConnectionFactory connections) : ISkillMatrixStore
{
    public async Task<IReadOnlyList<SkillCell>> ListCellsAsync(long? departmentId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.employee_id, c.task_id, c.level, c.role
            FROM skill_cells c
            JOIN business_tasks t ON t.id = c.task_id
            WHERE @departmentId IS NULL OR t.department_id = @departmentId
            ORDER BY c.task_id, c.employee_id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long EmployeeId, long TaskId, long Level, string Role)>(
            new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken));
        return rows.Select(r => new SkillCell(r.EmployeeId, r.TaskId, (SkillLevel)r.Level, Enum.Parse<AssignmentRole>(r.Role))).ToList();
    }

    public async Task<IReadOnlyList<SkillCell>> ApplyAsync(
        IReadOnlyList<SkillCellEdit> edits, Author author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(author);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var conflicted = await ApplyInTransactionAsync(connection, transaction, edits, author, now, cancellationToken);
        if (conflicted.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return [];
        }

        await transaction.RollbackAsync(cancellationToken);
        var current = (await ListCellsAsync(null, cancellationToken)).ToDictionary(c => (c.EmployeeId, c.TaskId));
        return conflicted
            .Select(e => current.GetValueOrDefault((e.EmployeeId, e.TaskId)) ?? new SkillCell(e.EmployeeId, e.TaskId, SkillLevel.None, AssignmentRole.None))
            .ToList();
    }

    /// <summary>
    /// Applies the edits that change something inside the caller's transaction, recording each in the history; returns
    /// the edits whose cell no longer held their from-value (the caller then rolls back). Handovers complete through this.
    /// </summary>
    internal static async Task<IReadOnlyList<SkillCellEdit>> ApplyInTransactionAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SkillCellEdit> edits, Author author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The from-values are the concurrency check: a cell is written only while it still holds them. A cell not stored
        // yet is level 0 with no role, so the insert may only replace a row that (meanwhile) holds exactly that.
        const string insertSql = """
            INSERT INTO skill_cells (employee_id, task_id, level, role, updated_at)
            VALUES (@EmployeeId, @TaskId, @ToLevel, @ToRole, @now)
            ON CONFLICT (employee_id, task_id) DO UPDATE SET level = excluded.level, role = excluded.role, updated_at = excluded.updated_at
            WHERE skill_cells.level = 0 AND skill_cells.role = 'None'
            """;
        const string updateSql = """
            UPDATE skill_cells SET level = @ToLevel, role = @ToRole, updated_at = @now
            WHERE employee_id = @EmployeeId AND task_id = @TaskId AND level = @FromLevel AND role = @FromRole
            """;
        const string historySql = """
            INSERT INTO skill_changes (employee_id, task_id, from_level, from_role, to_level, to_role, changed_by_id, changed_by_name, changed_at)
            VALUES (@EmployeeId, @TaskId, @FromLevel, @FromRole, @ToLevel, @ToRole, @changedById, @changedByName, @now)
            """;
        var conflicted = new List<SkillCellEdit>();
        foreach (var edit in edits.Where(e => e.IsChange))
        {
            var parameters = new
            {
                edit.EmployeeId,
                edit.TaskId,
                FromLevel = (int)edit.FromLevel,
                FromRole = edit.FromRole.ToString(),
                ToLevel = (int)edit.ToLevel,
                ToRole = edit.ToRole.ToString(),
                now,
                changedById = author.UserId,
                changedByName = author.Name,
            };
            var fromEmpty = edit.FromLevel == SkillLevel.None && edit.FromRole == AssignmentRole.None;
            var written = await connection.ExecuteAsync(new CommandDefinition(
                fromEmpty ? insertSql : updateSql, parameters, transaction, cancellationToken: cancellationToken));
            if (written != 1)
            {
                conflicted.Add(edit);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(historySql, parameters, transaction, cancellationToken: cancellationToken));
        }

        return conflicted;
    }

    public async Task<IReadOnlyList<SkillChange>> ListChangesAsync(
        long? departmentId, long? taskId, long? employeeId, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.id, c.employee_id, e.name AS employee_name, c.task_id, t.name AS task_name, t.department_id,
                   c.from_level, c.from_role, c.to_level, c.to_role, c.changed_by_id, c.changed_by_name, c.changed_at
            FROM skill_changes c
            JOIN employees e ON e.id = c.employee_id
            JOIN business_tasks t ON t.id = c.task_id
            WHERE (@departmentId IS NULL OR t.department_id = @departmentId)
              AND (@taskId IS NULL OR c.task_id = @taskId)
              AND (@employeeId IS NULL OR c.employee_id = @employeeId)
            ORDER BY c.changed_at DESC, c.id DESC
            LIMIT @limit
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChangeRow>(
            new CommandDefinition(sql, new { departmentId, taskId, employeeId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToChange()).ToList();
    }

    private sealed class ChangeRow
    {
        public long Id { get; set; }
        public long EmployeeId { get; set; }
        public string EmployeeName { get; set; } = "";
        public long TaskId { get; set; }
        public string TaskName { get; set; } = "";
        public long DepartmentId { get; set; }
        public long FromLevel { get; set; }
        public string FromRole { get; set; } = "";
        public long ToLevel { get; set; }
        public string ToRole { get; set; } = "";
        public long? ChangedById { get; set; }
        public string ChangedByName { get; set; } = "";
        public DateTimeOffset ChangedAt { get; set; }

        public SkillChange ToChange() => new()
        {
            Id = Id,
            EmployeeId = EmployeeId,
            EmployeeName = EmployeeName,
            TaskId = TaskId,
            TaskName = TaskName,
            DepartmentId = DepartmentId,
            FromLevel = (SkillLevel)FromLevel,
            FromRole = Enum.Parse<AssignmentRole>(FromRole),
            ToLevel = (SkillLevel)ToLevel,
            ToRole = Enum.Parse<AssignmentRole>(ToRole),
            ChangedById = ChangedById,
            ChangedByName = ChangedByName,
            ChangedAt = ChangedAt,
        };
    }
}
