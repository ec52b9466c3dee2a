using Dapper;
using Manuals.Core.Manuals;

namespace Manuals.Data.Search.Lucene;

/// <summary>Reads manuals from the database, the system of record, in the shape the index needs.</summary>
public sealed class IndexSource(IDbConnectionFactory connections)
{
    private const string Columns =
        "m.id, m.revision_number AS revision, m.title, m.department_id AS departmentid, m.visibility, m.status, m.template, m.owner_id AS ownerid, m.updated_at AS updatedat, m.body";

    /// <summary>How many manuals there are.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM manuals", cancellationToken: cancellationToken));
    }

    /// <summary>Up to <paramref name="limit"/> manuals with an id above <paramref name="afterId"/>, in id order.</summary>
    public Task<List<IndexedManual>> AfterAsync(long afterId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(column => $"{column} IN (SELECT id FROM manuals WHERE id > @afterId ORDER BY id LIMIT @limit)", new { afterId, limit }, cancellationToken);

    /// <summary>The manuals among <paramref name="ids"/> that exist, in id order.</summary>
    public Task<List<IndexedManual>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.FromResult(new List<IndexedManual>())
            : ReadAsync(IsIn, new { ids = ids.ToArray() }, cancellationToken);

    /// <summary>Every manual's id and revision, for comparing the index with the data.</summary>
    public async Task<Dictionary<long, long>> RevisionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long Revision)>(
            new CommandDefinition("SELECT id, revision_number FROM manuals", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Revision);
    }

    /// <summary>The page's rows as search results show them, in the order of <paramref name="ids"/>.</summary>
    public async Task<List<IndexedManual>> RowsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var found = (await ByIdsAsync(ids, cancellationToken)).ToDictionary(m => m.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private string IsIn(string column) => connections.Engine == SqlEngine.Postgres ? $"{column} = ANY(@ids)" : $"{column} IN @ids";

    /// <summary>
    /// The manuals whose id column meets <paramref name="which"/>, in id order, with their tags and task names: one command
    /// of three statements, so one round trip to the database.
    /// </summary>
    private async Task<List<IndexedManual>> ReadAsync(Func<string, string> which, object parameters, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {Columns} FROM manuals m WHERE {which("m.id")} ORDER BY m.id;
            SELECT manual_id AS manualid, tag FROM manual_tags WHERE {which("manual_id")};
            SELECT tm.manual_id AS manualid, t.name FROM task_manuals tm JOIN business_tasks t ON t.id = tm.task_id
            WHERE {which("tm.manual_id")};
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var rows = (await results.ReadAsync<Row>()).ToList();
        var tags = (await results.ReadAsync<(long ManualId, string Tag)>()).ToLookup(t => t.ManualId, t => t.Tag);
        var tasks = (await results.ReadAsync<(long ManualId, string Name)>()).ToLookup(t => t.ManualId, t => t.Name);
        return rows.Select(r => new IndexedManual(
                r.Id, r.Revision, r.Title, r.DepartmentId, r.Visibility, r.Status, r.Template, r.OwnerId, r.UpdatedAt,
                tags[r.Id].Order(StringComparer.Ordinal).ToList(), tasks[r.Id].Order(StringComparer.Ordinal).ToList(), r.Body))
            .ToList();
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long Revision { get; set; }
        public string Title { get; set; } = "";
        public long DepartmentId { get; set; }
        public ManualVisibility Visibility { get; set; }
        public ManualStatus Status { get; set; }
        public string? Template { get; set; }
        public long? OwnerId { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public string Body { get; set; } = "";
    }
}
