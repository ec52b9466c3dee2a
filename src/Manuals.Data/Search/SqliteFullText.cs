using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text;
using Dapper;
using Manuals.Core.Search;
using Microsoft.Data.Sqlite;

namespace Manuals.Data.Search;

/// <summary>
/// SQLite FTS5: one row per manual (rowid = manual id) whose four columns hold the analyser's tokens separated by
/// spaces; the table's <c>ascii</c> tokenizer splits on those spaces and changes nothing else. Phrases are FTS5
/// strings of quoted tokens. Title matches come first, then bm25 with column weights title 10, tags 4, headings 2,
/// body 1.
/// </summary>
internal sealed class SqliteFullText : IFullTextEngine
{
    public static readonly SqliteFullText Instance = new();

    // Where a rebuild writes (see BeginRebuildAsync).
    private const string RebuildTable = "search_fts_rebuild";
    private const string RebuildDocuments = "search_documents_rebuild";

    // One rebuild at a time per database file, also across processes (the web app's button and reindex on the command
    // line): a lock file beside the database, held while the rebuild runs, which the system releases if the process dies.
    private readonly ConcurrentDictionary<string, FileStream> _rebuildLocks = new(StringComparer.Ordinal);

    private SqliteFullText()
    {
    }

    // The covering index (0009_search_title.sql) holds every manuals column a search reads besides the page's own
    // rows; without INDEXED BY the planner prefers the table's rowid, and each match then reads a 4 KB page of Markdown.
    public string From => "FROM search_fts JOIN manuals m INDEXED BY ix_manuals_search ON m.id = search_fts.rowid";

    public string Match => "search_fts MATCH @match";

    // bm25 is lower (more negative) for better matches; its arguments are the column weights in declaration order.
    // A title match comes first whatever the term statistics say: in a small library a word found in most manuals
    // gets an IDF near zero, and the manual named after it would otherwise sink (bm25 with only the title weighted
    // is below zero exactly when the title matches). bm25 needs the MATCH, so the candidates are found again.
    public string RankedSql(string where) => $"""
        SELECT m.id {From} WHERE {where}
        ORDER BY CASE WHEN bm25(search_fts, 1.0, 0.0, 0.0, 0.0) < 0 THEN 0 ELSE 1 END, bm25(search_fts, 10.0, 4.0, 2.0, 1.0),
                 m.updated_at DESC, m.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // Newest first: FTS5 walks its doclists backwards without sorting. No bm25 here: its first call scans the whole
    // doclist of every phrase for the IDF, which for a common word costs more than everything else together. A column
    // filter reads every match's positions, so the title alone is asked when a title match is a match (one clause
    // without exclusions), not the query and the title.
    public string GroupSql(bool titleMatchesOnly, string conditions, SearchQuery query, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = !titleMatchesOnly ? "@match" : query.Clauses.Count == 1 && query.Exclusions.Count == 0 ? "@titlePhrases" : "@titleMatch";
        return $"""
            SELECT search_fts.rowid AS id, m.updated_at AS updated_at
            {From}
            WHERE search_fts MATCH {match} AND {conditions}
            ORDER BY search_fts.rowid DESC
            LIMIT @candidates
            """;
    }

    public void AddGroupParameters(DynamicParameters parameters, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(query);
        var title = "title : (" + string.Join(" OR ", query.HighlightPhrases.Select(Phrase)) + ")";
        parameters.Add("titlePhrases", title);
        parameters.Add("titleMatch", $"({MatchText(query)}) AND {title}");
    }

    public string NewestFirstSql(string conditions) => $"""
        SELECT m.id {From}
        WHERE {Match} AND {conditions}
        ORDER BY m.updated_at DESC, m.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // A deferred transaction reads one snapshot (WAL) and takes no write lock: the statements of one search agree.
    public Task<DbTransaction?> BeginSearchAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction?>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true));

    public string TitleOnlyScore => "bm25(search_fts, 10.0, 4.0, 2.0, 1.0)";

    // SQLite serialises writers: the rebuild's transaction (BEGIN IMMEDIATE) already holds the write lock.
    public string LockRows => "";

    public string IsIn(string column, string parameter) => $"{column} IN {parameter}";

    /// <summary>
    /// <c>(("a b" OR "c") AND ("d" *)) NOT ("e")</c>: every phrase is a quoted FTS5 string of analysed tokens, so no user
    /// text can become an operator, a column filter or a prefix.
    /// </summary>
    public string MatchText(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var included = string.Join(" AND ", query.Clauses.Select(Clause));
        return query.Exclusions.Count == 0
            ? included
            : $"({included}) NOT ({string.Join(" OR ", query.Exclusions.Select(Clause))})";
    }

    /// <summary><c>title : (("a b" OR "c") AND ("d" *))</c>: the column filter applies to every phrase inside.</summary>
    public string TitleMatchText(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return "title : (" + string.Join(" AND ", query.Clauses.Select(Clause)) + ")";
    }

    public Task WriteAsync(
        DbConnection connection, DbTransaction transaction, long manualId, SearchDocument document, CancellationToken cancellationToken) =>
        WriteBatchAsync(connection, transaction, [(manualId, Prepare(document))], rebuilding: false, cancellationToken);

    public object Prepare(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Entry(
            Tokens(document.Title), Tokens(string.Join('\n', document.Tags)), Tokens(string.Join('\n', document.Headings)), Tokens(document.Body));
    }

    // A rebuild writes new rows into its own tables; everything else replaces the manual's row in search_fts.
    public async Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<(long ManualId, object Entry)> entries,
        bool rebuilding,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entries);
        var (fts, documents) = rebuilding ? (RebuildTable, RebuildDocuments) : ("search_fts", "search_documents");
        var revisionSql = $"""
            INSERT INTO {documents} (manual_id, revision_number, analyzer_version)
            SELECT id, revision_number, @version FROM manuals WHERE id IN @ids
            ON CONFLICT (manual_id) DO UPDATE
            SET revision_number = excluded.revision_number, analyzer_version = excluded.analyzer_version
            """;
        // One prepared statement each, re-run with new values: Microsoft.Data.Sqlite would otherwise compile the SQL
        // again for every manual of a rebuild. The rebuild's table is new, so it deletes nothing (deleting a row from
        // FTS5 costs as much as inserting one: its old text is analysed again).
        await using var delete = rebuilding ? null : Command(connection, transaction, $"DELETE FROM {fts} WHERE rowid = $id", "$id");
        await using var insert = Command(
            connection,
            transaction,
            $"INSERT INTO {fts} (rowid, title, tags, headings, body) VALUES ($id, $title, $tags, $headings, $body)",
            "$id",
            "$title",
            "$tags",
            "$headings",
            "$body");
        foreach (var (manualId, prepared) in entries)
        {
            var entry = (Entry)prepared;
            if (delete is not null)
            {
                delete.Parameters[0].Value = manualId;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            insert.Parameters[0].Value = manualId;
            insert.Parameters[1].Value = entry.Title;
            insert.Parameters[2].Value = entry.Tags;
            insert.Parameters[3].Value = entry.Headings;
            insert.Parameters[4].Value = entry.Body;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var ids in entries.Select(e => e.ManualId).Chunk(500))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                revisionSql, new { ids, version = SearchAnalyzer.Version }, transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long manualId, CancellationToken cancellationToken)
    {
        const string sql = """
            DELETE FROM search_fts WHERE rowid = @manualId;
            DELETE FROM search_documents WHERE manual_id = @manualId;
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { manualId }, transaction, cancellationToken: cancellationToken));
    }

    // SQLite has one writer at a time.
    public int RebuildWriters => 1;

    /// <summary>
    /// A rebuild writes an FTS5 table of its own, defined as search_fts is (0010_search_storage.sql), and its revisions
    /// beside it, while searches and saves go on with search_fts. Rewriting search_fts in place deleted every row
    /// before inserting it again, which costs as much as the insert, and left FTS5 twice the entries to merge. Its
    /// automerge is off (the final 'optimize' merges everything once), and its hashsize is 0010's, so each batch is one
    /// segment.
    /// </summary>
    public async Task BeginRebuildAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        LockRebuild(connection);
        var sql = $"""
            DROP TABLE IF EXISTS {RebuildTable};
            DROP TABLE IF EXISTS {RebuildDocuments};
            CREATE VIRTUAL TABLE {RebuildTable} USING fts5(title, tags, headings, body, tokenize = 'ascii', prefix = '1');
            INSERT INTO {RebuildTable} ({RebuildTable}, rank) VALUES ('automerge', 0);
            INSERT INTO {RebuildTable} ({RebuildTable}, rank) VALUES ('hashsize', 67108864);
            CREATE TABLE {RebuildDocuments} (
                manual_id INTEGER PRIMARY KEY,
                revision_number INTEGER NOT NULL,
                analyzer_version INTEGER NOT NULL
            );
            """;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        }
        catch
        {
            UnlockRebuild(connection);
            throw;
        }
    }

    /// <summary>
    /// Merges the rebuilt table into one segment, then, in one transaction: drops rebuilt rows that a save has since
    /// made stale or whose manual is gone, takes the rows of those saves from search_fts (a save writes it in its own
    /// transaction, so they are current), and puts the rebuilt table and its revisions in place. The delete trigger
    /// names the table, so it goes and comes back with it (as in 0010). A test compares the schema before and after.
    /// </summary>
    public async Task EndRebuildAsync(DbConnection connection, bool completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await EndAsync();
        }
        finally
        {
            UnlockRebuild(connection);
        }

        async Task EndAsync()
        {
            if (!completed)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DROP TABLE IF EXISTS {RebuildTable}; DROP TABLE IF EXISTS {RebuildDocuments};", cancellationToken: cancellationToken));
                return;
            }

            var optimizeSql = $"""
            INSERT INTO {RebuildTable} ({RebuildTable}, rank) VALUES ('automerge', 4);
            INSERT INTO {RebuildTable} ({RebuildTable}) VALUES ('optimize');
            """;
            var swapSql = $"""
            CREATE TEMP TABLE stale AS
            SELECT r.manual_id FROM {RebuildDocuments} r LEFT JOIN manuals m ON m.id = r.manual_id
            WHERE m.id IS NULL OR m.revision_number <> r.revision_number;
            DELETE FROM {RebuildTable} WHERE rowid IN (SELECT manual_id FROM stale);
            DELETE FROM {RebuildDocuments} WHERE manual_id IN (SELECT manual_id FROM stale);
            DROP TABLE stale;
            CREATE TEMP TABLE saved AS
            SELECT s.manual_id, s.revision_number, s.analyzer_version
            FROM search_documents s JOIN manuals m ON m.id = s.manual_id AND m.revision_number = s.revision_number
            WHERE s.manual_id NOT IN (SELECT manual_id FROM {RebuildDocuments});
            INSERT INTO {RebuildTable} (rowid, title, tags, headings, body)
            SELECT f.rowid, f.title, f.tags, f.headings, f.body FROM search_fts f WHERE f.rowid IN (SELECT manual_id FROM saved);
            INSERT INTO {RebuildDocuments} (manual_id, revision_number, analyzer_version)
            SELECT manual_id, revision_number, analyzer_version FROM saved;
            DROP TABLE saved;
            DROP TRIGGER manuals_delete_search;
            DROP TABLE search_fts;
            ALTER TABLE {RebuildTable} RENAME TO search_fts;
            CREATE TRIGGER manuals_delete_search AFTER DELETE ON manuals
            BEGIN
                DELETE FROM search_fts WHERE rowid = old.id;
            END;
            DELETE FROM search_documents;
            INSERT INTO search_documents (manual_id, revision_number, analyzer_version)
            SELECT manual_id, revision_number, analyzer_version FROM {RebuildDocuments};
            DROP TABLE {RebuildDocuments};
            """;
            await connection.ExecuteAsync(new CommandDefinition(optimizeSql, commandTimeout: 0, cancellationToken: cancellationToken));
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(swapSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private void LockRebuild(DbConnection connection)
    {
        var path = RebuildLockPath(connection);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            if (!_rebuildLocks.TryAdd(path, file))
            {
                file.Dispose();
                throw new InvalidOperationException("Another rebuild of the search index is running.");
            }
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException("Another rebuild of the search index is running.", ex);
        }
    }

    private void UnlockRebuild(DbConnection connection)
    {
        if (_rebuildLocks.TryRemove(RebuildLockPath(connection), out var file))
        {
            file.Dispose();
        }
    }

    private static string RebuildLockPath(DbConnection connection) => ((SqliteConnection)connection).DataSource + "-rebuild.lock";

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    /// <summary>The field's tokens in order, separated by spaces; positions in FTS5 are this order.</summary>
    private static string Tokens(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var token in SearchAnalyzer.Analyze(text))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(token.Text);
        }

        return builder.ToString();
    }

    private static string Clause(SearchClause clause) => "(" + string.Join(" OR ", clause.Alternatives.Select(Phrase)) + ")";

    private static string Phrase(SearchPhrase phrase)
    {
        // Tokens hold only letters and digits; doubling quotes keeps the string closed even if that ever changed.
        var text = "\"" + string.Join(' ', phrase.Tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return phrase.IsPrefix ? text + " *" : text;
    }

    /// <summary>The four columns of one manual's row, analysed.</summary>
    private sealed record Entry(string Title, string Tags, string Headings, string Body);
}
