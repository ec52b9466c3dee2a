using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// Reads the search journal (<c>search_journal</c>, written by the stores through <see cref="SearchJournalWriter"/>)
/// and keeps each web node's progress (<c>search_nodes</c>) so applied rows can be pruned. Portable SQL: both engines.
/// </summary>
public sealed class SearchJournal(IDbConnectionFactory connections) : ISearchJournal
{
    public async Task<IReadOnlyList<SearchJournalEntry>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        const string sql = """
            SELECT sequence, manual_id, kind
            FROM search_journal
            WHERE sequence > @afterSequence
            ORDER BY sequence
            LIMIT @limit
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Sequence, long ManualId, string Kind)>(
            new CommandDefinition(sql, new { afterSequence, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new SearchJournalEntry(r.Sequence, r.ManualId, SearchJournalWriter.ParseKind(r.Kind))).ToList();
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT COALESCE(MAX(sequence), 0) FROM search_journal";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task<long> CountAsync(long afterSequence, long upToSequence, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM search_journal WHERE sequence > @afterSequence AND sequence <= @upToSequence";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { afterSequence, upToSequence }, cancellationToken: cancellationToken));
    }

    public async Task<long> SettledSequenceAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        // The database's clock wrote recorded_at, so it also decides what is old enough.
        var sql = connections.Engine == SqlEngine.Postgres
            ? "SELECT COALESCE(MAX(sequence), 0) FROM search_journal WHERE recorded_at < now() - make_interval(secs => @seconds)"
            : "SELECT COALESCE(MAX(sequence), 0) FROM search_journal WHERE recorded_at < strftime('%Y-%m-%dT%H:%M:%f', 'now', @modifier) || '0000+00:00'";
        var seconds = age.TotalSeconds;
        var modifier = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-{seconds:0.###} seconds");
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { seconds, modifier }, cancellationToken: cancellationToken));
    }

    public async Task<SearchJournalStatus> StatusAsync(long appliedSequence, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT COUNT(*) AS Rows,
                   COUNT(CASE WHEN sequence > @appliedSequence THEN 1 END) AS RowsAfter,
                   MIN(CASE WHEN sequence > @appliedSequence THEN recorded_at END) AS OldestAfter
            FROM search_journal
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<StatusRow>(
            new CommandDefinition(sql, new { appliedSequence }, cancellationToken: cancellationToken));
        return new SearchJournalStatus(row.Rows, row.RowsAfter, row.OldestAfter);

    }

    public async Task<string> GenerationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SearchIndexGeneration.ReadAsync(connection, null, cancellationToken);
    }

    public async Task RecordProgressAsync(string nodeId, long appliedSequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegative(appliedSequence);
        const string sql = """
            INSERT INTO search_nodes (node_id, applied_sequence, seen_at) VALUES (@nodeId, @appliedSequence, @now)
            ON CONFLICT (node_id) DO UPDATE SET applied_sequence = excluded.applied_sequence, seen_at = excluded.seen_at
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { nodeId, appliedSequence, now }, cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(DateTimeOffset liveSince, CancellationToken cancellationToken)
    {
        const string forgetSql = "DELETE FROM search_nodes WHERE seen_at < @liveSince";
        // MIN over no rows is NULL, and "sequence <= NULL" deletes nothing: no live node, no pruning.
        const string pruneSql = "DELETE FROM search_journal WHERE sequence <= (SELECT MIN(applied_sequence) FROM search_nodes)";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(forgetSql, new { liveSince }, transaction, cancellationToken: cancellationToken));
        var pruned = await connection.ExecuteAsync(new CommandDefinition(pruneSql, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return pruned;
    }

    /// <summary>Properties, not a constructor, so Dapper reads SQLite's text time through the time handler.</summary>
    private sealed class StatusRow
    {
        public long Rows { get; init; }

        public long RowsAfter { get; init; }

        public DateTimeOffset? OldestAfter { get; init; }

    }

    /// <summary>
    /// Every node that reported progress and has not been forgotten by pruning, with how far it applied the journal and
    /// when it last said so (the command line's <c>check</c>).
    /// </summary>
    public async Task<IReadOnlyList<SearchNodeProgress>> ListNodesAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT node_id AS NodeId, applied_sequence AS AppliedSequence, seen_at AS SeenAt FROM search_nodes ORDER BY node_id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NodeRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new SearchNodeProgress(r.NodeId, r.AppliedSequence, r.SeenAt)).ToList();
    }

    /// <summary>How many rows the journal holds (rows every live node has applied are pruned).</summary>
    public async Task<long> CountAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM search_journal", cancellationToken: cancellationToken));
    }

    private sealed class NodeRow
    {
        public string NodeId { get; set; } = "";

        public long AppliedSequence { get; set; }

        public DateTimeOffset SeenAt { get; set; }
    }
}
