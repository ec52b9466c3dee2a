using Dapper;
using Manuals.Core.Coverage;

namespace Manuals.Data.Coverage;

/// <summary>
/// The manuals of each task that employees confirmed having read: <c>employees.user_id</c> →
/// <c>read_confirmations</c> (by user, index of migration 0023) → <c>task_manuals</c> (by manual) →
/// <c>business_tasks</c> (for the department).
/// </summary>
public sealed class TaskManualConfirmationStore(IDbConnectionFactory connections) : ITaskManualConfirmationStore
{
    // 確認済 = no revision that asks for a new confirmation (重要な変更, or the first) after the one confirmed: the same rule
    // as RequiredReadingStore's required revision, and it reads only the revisions after the confirmed one.
    private const string Select = """
        SELECT e.id AS employee_id, tm.task_id, c.manual_id, c.revision_number AS confirmed_revision, c.confirmed_at,
               CASE WHEN EXISTS (
                   SELECT 1 FROM manual_revisions r
                   WHERE r.manual_id = c.manual_id AND r.number > c.revision_number AND (r.is_material = @material OR r.number = 1)
               ) THEN 0 ELSE 1 END AS is_confirmed
        FROM employees e
        JOIN read_confirmations c ON c.user_id = e.user_id
        JOIN task_manuals tm ON tm.manual_id = c.manual_id
        JOIN business_tasks t ON t.id = tm.task_id
        WHERE (@departmentId IS NULL OR t.department_id = @departmentId)
        """;

    private const string OrderBy = "ORDER BY e.id, tm.task_id, c.manual_id";

    // Dapper expands the list into one parameter per id for SQLite; PostgreSQL takes it as one array.
    private const string SqliteSql = $"{Select}\nAND e.id IN @employeeIds\n{OrderBy}";
    private const string PostgresSql = $"{Select}\nAND e.id = ANY(@employeeIds)\n{OrderBy}";

    public async Task<IReadOnlyList<TaskManualConfirmation>> ListAsync(
        IReadOnlyCollection<long> employeeIds, long? departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        if (employeeIds.Count == 0)
        {
            return [];
        }

        var sql = connections.Engine == SqlEngine.Postgres ? PostgresSql : SqliteSql;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            sql, new { employeeIds = employeeIds.Distinct().ToArray(), departmentId, material = true }, cancellationToken: cancellationToken));
        return rows
            .Select(r => new TaskManualConfirmation(r.EmployeeId, r.TaskId, r.ManualId, (int)r.ConfirmedRevision, r.ConfirmedAt, r.IsConfirmed == 1))
            .ToList();
    }

    private sealed class Row
    {
        public long EmployeeId { get; set; }
        public long TaskId { get; set; }
        public long ManualId { get; set; }
        public long ConfirmedRevision { get; set; }
        public DateTimeOffset ConfirmedAt { get; set; }
        public long IsConfirmed { get; set; }
    }
}
