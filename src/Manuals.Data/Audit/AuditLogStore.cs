using System.Runtime.CompilerServices;
using Dapper;
using Manuals.Core.Audit;

namespace Manuals.Data.Audit;

/// <summary>
/// The <c>audit_log</c> table (migration 0015). Appends and reads only: the table has triggers that refuse UPDATE and
/// DELETE on both engines. Pages are keyset pages on the id (newest first), so each costs the same at any depth.
/// </summary>
public sealed class AuditLogStore(IDbConnectionFactory connections) : IAuditLog
{
    private const string Columns = """
        id, occurred_at, actor_user_id, actor_name, action, outcome, method, target_type, target_id, target_name, detail, client_address
        """;

    // The filter's parts: fixed SQL, values only as parameters. Only the parts in use are joined into the WHERE clause,
    // so each query can use the index of its filter (a catch-all "@x IS NULL OR …" cannot).
    private const string ByActor = "actor_user_id = @ActorUserId";
    private const string ByAction = "action = @Action";
    private const string FromTime = "occurred_at >= @From";
    private const string UntilTime = "occurred_at < @Until";
    private const string OlderThan = "id < @Before";
    private const string NewerThan = "id > @After";

    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        const string sql = """
            INSERT INTO audit_log (occurred_at, actor_user_id, actor_name, action, outcome, method, target_type, target_id,
                target_name, detail, client_address)
            VALUES (@OccurredAt, @ActorUserId, @ActorName, @Action, @Outcome, @Method, @TargetType, @TargetId,
                @TargetName, @Detail, @ClientAddress)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql,
            new
            {
                entry.OccurredAt,
                entry.ActorUserId,
                ActorName = AuditLimits.Cut(entry.ActorName ?? "", AuditLimits.NameMaxLength),
                entry.Action,
                Outcome = OutcomeText(entry.Outcome),
                Method = AuditLimits.Cut(entry.Method, AuditLimits.NameMaxLength),
                TargetType = AuditLimits.Cut(entry.TargetType, AuditLimits.NameMaxLength),
                TargetId = AuditLimits.Cut(entry.TargetId, AuditLimits.NameMaxLength),
                TargetName = AuditLimits.Cut(entry.TargetName, AuditLimits.NameMaxLength),
                Detail = AuditLimits.Cut(entry.Detail, AuditLimits.DetailMaxLength),
                ClientAddress = AuditLimits.Cut(entry.ClientAddress, AuditLimits.NameMaxLength),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<AuditPage> ListAsync(AuditFilter filter, AuditPageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var size = Math.Clamp(page.Size, 1, AuditLimits.MaxPageSize);
        await using var connection = await connections.OpenAsync(cancellationToken);

        // Newer than a cursor: read upwards from it, then turn the page round to newest first.
        var newer = page.After is not null && page.Before is null;
        var (conditions, parameters) = Where(filter);
        if (newer)
        {
            conditions.Add(NewerThan);
            parameters.Add("After", page.After!.Value);
        }
        else if (page.Before is { } before)
        {
            conditions.Add(OlderThan);
            parameters.Add("Before", before);
        }

        parameters.Add("Limit", size + 1);
        var sql = Select(conditions) + (newer ? " ORDER BY id ASC LIMIT @Limit" : " ORDER BY id DESC LIMIT @Limit");
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        var more = rows.Count > size;
        var entries = rows.Take(size).Select(r => r.ToEntry()).ToList();
        if (newer)
        {
            entries.Reverse();
        }

        if (entries.Count == 0)
        {
            // Past either end: the way back is open if anything lies on the cursor's other side.
            var olderBack = newer && await AnyAsync(connection, filter, OlderThan, "Before", page.After!.Value + 1, cancellationToken);
            var newerBack = !newer && page.Before is { } cursor
                && await AnyAsync(connection, filter, NewerThan, "After", cursor - 1, cancellationToken);
            return new AuditPage(entries, olderBack, newerBack);
        }

        var hasOlder = newer ? await AnyAsync(connection, filter, OlderThan, "Before", entries[^1].Id, cancellationToken) : more;
        var hasNewer = newer ? more : await AnyAsync(connection, filter, NewerThan, "After", entries[0].Id, cancellationToken);
        return new AuditPage(entries, hasOlder, hasNewer);
    }

    public async IAsyncEnumerable<AuditEntry> ExportAsync(
        AuditFilter filter, int maxRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var left = Math.Max(0, maxRows);
        long? before = null;
        while (left > 0)
        {
            var page = await ListAsync(filter, new AuditPageRequest(before, null, Math.Min(AuditLimits.MaxPageSize, left)), cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            left -= page.Entries.Count;
            if (!page.HasOlder || page.Entries.Count == 0)
            {
                yield break;
            }

            before = page.Entries[^1].Id;
        }
    }

    private static async Task<bool> AnyAsync(
        System.Data.Common.DbConnection connection, AuditFilter filter, string cursor, string name, long id, CancellationToken cancellationToken)
    {
        var (conditions, parameters) = Where(filter);
        conditions.Add(cursor);
        parameters.Add(name, id);
        var sql = "SELECT id FROM audit_log" + WhereClause(conditions) + " LIMIT 1";
        var found = await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return found is not null;
    }

    private static (List<string> Conditions, DynamicParameters Parameters) Where(AuditFilter filter)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.ActorUserId is { } actor)
        {
            conditions.Add(ByActor);
            parameters.Add("ActorUserId", actor);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            conditions.Add(ByAction);
            parameters.Add("Action", filter.Action);
        }

        if (filter.From is { } from)
        {
            conditions.Add(FromTime);
            parameters.Add("From", from);
        }

        if (filter.Until is { } until)
        {
            conditions.Add(UntilTime);
            parameters.Add("Until", until);
        }

        return (conditions, parameters);
    }

    private static string Select(List<string> conditions) => "SELECT " + Columns + " FROM audit_log" + WhereClause(conditions);

    private static string WhereClause(List<string> conditions) =>
        conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

    private static string OutcomeText(AuditOutcome outcome) => outcome == AuditOutcome.Failure ? "failure" : "success";

    private sealed class Row
    {
        public long Id { get; set; }
        public DateTimeOffset OccurredAt { get; set; }
        public long? ActorUserId { get; set; }
        public string ActorName { get; set; } = "";
        public string Action { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? Method { get; set; }
        public string? TargetType { get; set; }
        public string? TargetId { get; set; }
        public string? TargetName { get; set; }
        public string? Detail { get; set; }
        public string? ClientAddress { get; set; }

        public AuditEntry ToEntry() => new()
        {
            Id = Id,
            OccurredAt = OccurredAt,
            ActorUserId = ActorUserId,
            ActorName = ActorName,
            Action = Action,
            Outcome = Outcome == "failure" ? AuditOutcome.Failure : AuditOutcome.Success,
            Method = Method,
            TargetType = TargetType,
            TargetId = TargetId,
            TargetName = TargetName,
            Detail = Detail,
            ClientAddress = ClientAddress,
        };
    }
}
