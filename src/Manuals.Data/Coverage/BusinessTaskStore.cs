using System.Data.Common;
using Dapper;
using Manuals.Core.Coverage;
using Manuals.Core.Search;
using Manuals.Data.Search;

namespace Manuals.Data.Coverage;

/// <summary>
/// Business tasks in <c>business_tasks</c> and their manual links in <c>task_manuals</c>. A task's name is searched as
/// part of each manual it links to, so a change to a task or its links journals those manuals for search.
/// </summary>
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

    public async Task<IReadOnlyList<BusinessTaskName>> ListNamesAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, department_id, name FROM business_tasks";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long DepartmentId, string Name)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new BusinessTaskName(r.Id, r.DepartmentId, r.Name)).ToList();
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await UpdateAsync(connection, transaction, task, now, cancellationToken))
            {
                return WriteStatus.NotFound;
            }

            // The task's name is searched as part of each manual it links to.
            await SearchJournalWriter.AppendAsync(
                connection, transaction, await LinkedManualsAsync(connection, transaction, task.Id, cancellationToken), SearchJournalKind.Upsert, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return WriteStatus.Written;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await transaction.RollbackAsync(CancellationToken.None);
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockTaskAsync(connection, transaction, taskId, cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { taskId, manualId }, transaction, cancellationToken: cancellationToken)) == 1)
        {
            // The manual is now found by the task's name.
            await SearchJournalWriter.AppendAsync(connection, transaction, manualId, SearchJournalKind.Upsert, cancellationToken);
        }

        var linked = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(existsSql, new { taskId, manualId }, transaction, cancellationToken: cancellationToken)) == 1;
        await transaction.CommitAsync(cancellationToken);
        return linked;
    }

    public async Task<bool> UnlinkManualAsync(long taskId, long manualId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM task_manuals WHERE task_id = @taskId AND manual_id = @manualId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockTaskAsync(connection, transaction, taskId, cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { taskId, manualId }, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        // The manual is no longer found by the task's name.
        await SearchJournalWriter.AppendAsync(connection, transaction, manualId, SearchJournalKind.Upsert, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
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

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, BusinessTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE business_tasks
            SET department_id = @DepartmentId, name = @Name, description = @Description, frequency = @Frequency,
                timing = @Timing, criticality = @Criticality, updated_at = @now
            WHERE id = @Id
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(task, now), transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Sets the task's links and journals, for search, every manual linked before or after: the task's name is searched
    /// as part of each manual it links to, and this runs after the task row itself was written (perhaps renamed).
    /// </summary>
    private static async Task ReplaceLinksAsync(
        DbConnection connection, DbTransaction transaction, long taskId, IReadOnlyList<long> manualIds, CancellationToken cancellationToken)
    {
        const string deleteSql = "DELETE FROM task_manuals WHERE task_id = @taskId RETURNING manual_id";
        const string insertSql = "INSERT INTO task_manuals (task_id, manual_id) VALUES (@taskId, @manualId)";
        var unlinked = await connection.QueryAsync<long>(new CommandDefinition(deleteSql, new { taskId }, transaction, cancellationToken: cancellationToken));
        var rows = manualIds.Distinct().Select(manualId => new { taskId, manualId });
        await connection.ExecuteAsync(new CommandDefinition(insertSql, rows, transaction, cancellationToken: cancellationToken));
        await SearchJournalWriter.AppendAsync(connection, transaction, unlinked.Concat(manualIds), SearchJournalKind.Upsert, cancellationToken);
    }

    private static async Task<IReadOnlyList<long>> LinkedManualsAsync(
        DbConnection connection, DbTransaction transaction, long taskId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT manual_id FROM task_manuals WHERE task_id = @taskId";
        var ids = await connection.QueryAsync<long>(new CommandDefinition(sql, new { taskId }, transaction, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>
    /// Takes the task row's write lock (PostgreSQL; SQLite has one writer anyway), so a link or unlink and a rename of the
    /// same task run one after the other: the rename then journals the manuals linked by then, and the link's journal
    /// row is read after the new name is committed.
    /// </summary>
    private static async Task LockTaskAsync(DbConnection connection, DbTransaction transaction, long taskId, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE business_tasks SET updated_at = updated_at WHERE id = @taskId";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { taskId }, transaction, cancellationToken: cancellationToken));
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
