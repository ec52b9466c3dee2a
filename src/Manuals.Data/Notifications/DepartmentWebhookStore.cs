using Dapper;
using Manuals.Core.Notifications;

namespace Manuals.Data.Notifications;

/// <summary>Department webhooks in <c>department_webhooks</c>, one row per department.</summary>
public sealed class DepartmentWebhookStore(IDbConnectionFactory connections) : IDepartmentWebhookStore
{
    public async Task<IReadOnlyList<DepartmentWebhook>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT department_id, kind, url FROM department_webhooks ORDER BY department_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long DepartmentId, string Kind, string Url)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new DepartmentWebhook(r.DepartmentId, r.Kind, r.Url)).ToList();
    }

    public async Task<DepartmentWebhook?> FindAsync(long departmentId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT department_id, kind, url FROM department_webhooks WHERE department_id = @departmentId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long DepartmentId, string Kind, string Url)>(
            new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken));
        return rows.Select(r => new DepartmentWebhook(r.DepartmentId, r.Kind, r.Url)).SingleOrDefault();
    }

    public async Task SetAsync(DepartmentWebhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        // ON CONFLICT … DO UPDATE reads the same on SQLite (3.24+) and PostgreSQL.
        const string sql = """
            INSERT INTO department_webhooks (department_id, kind, url) VALUES (@DepartmentId, @Kind, @Url)
            ON CONFLICT (department_id) DO UPDATE SET kind = excluded.kind, url = excluded.url
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, webhook, cancellationToken: cancellationToken));
    }

    public async Task<bool> RemoveAsync(long departmentId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM department_webhooks WHERE department_id = @departmentId";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { departmentId }, cancellationToken: cancellationToken)) > 0;
    }
}
