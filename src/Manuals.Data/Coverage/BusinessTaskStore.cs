using System.Data.Common;
using Dapper;
using Manuals.Core.Coverage;

namespace Manuals.Data.Coverage;

/// <summary>Business tasks in <c>business_tasks</c> and their manual links in <c>task_manuals</c>.</summary>
public sealed class BusinessTaskStore(IDbConnectionFactory connections) : IBusinessTaskStore
{
    private const string Columns = "t.id, t.department_id, t.name, t.description, t.frequency, t.timing, t.criticality, t.updated_at";

    public async Task<IReadOnlyList<BusinessTask>> ListAsync(long? departmentId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM business_tasks t
            WHERE @departmentId IS NULL OR t.department_id = @departmentId
            """;
        const string linksSql = """
            SELECT tm.task_id, tm.manual_id
            FROM task_manuals tm
            JOIN business_tasks t ON t.id = tm.task_id
            WHERE @departmentId IS NULL OR t.department_id = @departmentId
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var tasks = await connection.QueryAsync<BusinessTask>(new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken));
        var links = await connection.QueryAsync<(long TaskId, long ManualId)>(
            new CommandDefinition(linksSql, new { departmentId }, cancellationToken: cancellationToken));
        return Attach(tasks, links);
    }

    public async Task<BusinessTask?> FindAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM business_tasks t WHERE t.id = @id";
        const string linksSql = "SELECT task_id, manual_id FROM task_manuals WHERE task_id = @id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var task = await connection.QuerySingleOrDefaultAsync<BusinessTask>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        if (task is null)
        {
            return null;
        }

        var links = await connection.QueryAsync<(long TaskId, long ManualId)>(new CommandDefinition(linksSql, new { id }, cancellationToken: cancellationToken));
        return Attach([task], links)[0];
    }

    public async Task<IReadOnlyList<BusinessTask>> ListByManualAsync(long manualId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM business_tasks t
            WHERE t.id IN (SELECT task_id FROM task_manuals WHERE manual_id = @manualId)
            """;
        const string linksSql = """
            SELECT task_id, manual_id FROM task_manuals
            WHERE task_id IN (SELECT task_id FROM task_manuals WHERE manual_id = @manualId)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var tasks = await connection.QueryAsync<BusinessTask>(new CommandDefinition(sql, new { manualId }, cancellationToken: cancellationToken));
        var links = await connection.QueryAsync<(long TaskId, long ManualId)>(new CommandDefinition(linksSql, new { manualId }, cancellationToken: cancellationToken));
        return Attach(tasks, links);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM business_tasks", cancellationToken: cancellationToken));
    }

    public async Task<long?> CreateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var id = await InsertAsync(connection, transaction, task, now, cancellationToken);
            await ReplaceLinksAsync(connection, transaction, id, task.ManualIds, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return id;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return null;
        }
    }

    public async Task<WriteStatus> UpdateAsync(BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await UpdateAsync(connection, null, task, now, cancellationToken) ? WriteStatus.Written : WriteStatus.NotFound;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return WriteStatus.Duplicate;
        }
    }

    public async Task<bool> LinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken)
    {
        // Inserts only when both exist, and linking twice is harmless; the count afterwards says whether the link is there.
        const string sql = """
            INSERT INTO task_manuals (task_id, manual_id)
            SELECT t.id, m.id FROM business_tasks t, manuals m WHERE t.id = @taskId AND m.id = @manualId
            ON CONFLICT (task_id, manual_id) DO NOTHING
            """;
        const string existsSql = "SELECT COUNT(*) FROM task_manuals WHERE task_id = @taskId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { taskId, manualId }, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(existsSql, new { taskId, manualId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> UnlinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM task_manuals WHERE task_id = @taskId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { taskId, manualId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SaveManyAsync(IReadOnlyList<BusinessTask> tasks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var task in tasks)
            {
                var id = task.Id;
                if (id == 0)
                {
                    id = await InsertAsync(connection, transaction, task, now, cancellationToken);
                }
                else if (!await UpdateAsync(connection, transaction, task, now, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return false;
                }

                await ReplaceLinksAsync(connection, transaction, id, task.ManualIds, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    private static async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO business_tasks (department_id, name, description, frequency, timing, criticality, created_at, updated_at)
            VALUES (@DepartmentId, @Name, @Description, @Frequency, @Timing, @Criticality, @now, @now)
            RETURNING id
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, Parameters(task, now), transaction, cancellationToken: cancellationToken));
    }

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction? transaction, BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE business_tasks
            SET department_id = @DepartmentId, name = @Name, description = @Description, frequency = @Frequency,
                timing = @Timing, criticality = @Criticality, updated_at = @now
            WHERE id = @Id
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(task, now), transaction, cancellationToken: cancellationToken)) == 1;
    }

    private static async Task ReplaceLinksAsync(
        DbConnection connection, DbTransaction transaction, long taskId, IReadOnlyList<long> manualIds, CancellationToken cancellationToken)
    {
        const string deleteSql = "DELETE FROM task_manuals WHERE task_id = @taskId";
        const string insertSql = "INSERT INTO task_manuals (task_id, manual_id) VALUES (@taskId, @manualId)";
        await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { taskId }, transaction, cancellationToken: cancellationToken));
        var rows = manualIds.Distinct().Select(manualId => new { taskId, manualId });
        await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, transaction, cancellationToken: cancellationToken));
    }

    private static object Parameters(BusinessTask task, DateTimeOffset now) => new
    {
        task.Id,
        task.DepartmentId,
        task.Name,
        task.Description,
        Frequency = task.Frequency.ToString(),
        task.Timing,
        Criticality = task.Criticality.ToString(),
        now,
    };

    /// <summary>Sets each task's manual ids; orders tasks by department and name here, so both engines agree whatever their collation.</summary>
    private static List<BusinessTask> Attach(IEnumerable<BusinessTask> tasks, IEnumerable<(long TaskId, long ManualId)> links)
    {
        var byTask = links.ToLookup(l => l.TaskId, l => l.ManualId);
        return tasks
            .Select(t =>
            {
                t.ManualIds = byTask[t.Id].Order().ToList();
                return t;
            })
            .OrderBy(t => t.DepartmentId)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }
}
