using System.Data.Common;
using System.Text;
using Dapper;
using Manuals.Core.Search;

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
    // doclist of every phrase for the IDF, which for a common word costs more than everything else together.
    public string GroupSql(bool titleFirst, string conditions, SearchQuery query, SearchFilters filters) => $"""
        SELECT search_fts.rowid AS id, m.updated_at AS updated_at
        {From}
        WHERE search_fts MATCH {(titleFirst ? "@titleFirstMatch" : "@othersMatch")} AND {conditions}
        ORDER BY search_fts.rowid DESC
        LIMIT @candidates
        """;

    public void AddGroupParameters(DynamicParameters parameters, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(query);
        var match = MatchText(query);
        var title = "title : (" + string.Join(" OR ", query.HighlightPhrases.Select(Phrase)) + ")";
        parameters.Add("titleFirstMatch", $"({match}) AND {title}");
        parameters.Add("othersMatch", $"({match}) NOT {title}");
    }

    public string NewestFirstSql(string conditions) => $"""
        SELECT m.id {From}
        WHERE {Match} AND {conditions}
        ORDER BY m.updated_at DESC, m.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // Reads need no transaction, and Microsoft.Data.Sqlite would begin one that takes the write lock.
    public Task<DbTransaction?> BeginSearchAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction?>(null);

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

    // A rebuild rewrites the table's rows in place, in transactions of their own, so the index is whole all along.
    public async Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<(long ManualId, object Entry)> entries,
        bool rebuilding,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entries);
        const string revisionSql = """
            INSERT INTO search_documents (manual_id, revision_number, analyzer_version)
            SELECT id, revision_number, @version FROM manuals WHERE id IN @ids
            ON CONFLICT (manual_id) DO UPDATE
            SET revision_number = excluded.revision_number, analyzer_version = excluded.analyzer_version
            """;
        // One prepared statement each, re-run with new values: Microsoft.Data.Sqlite would otherwise compile the SQL
        // again for every manual of a rebuild.
        await using var delete = Command(connection, transaction, "DELETE FROM search_fts WHERE rowid = $id", "$id");
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO search_fts (rowid, title, tags, headings, body) VALUES ($id, $title, $tags, $headings, $body)",
            "$id",
            "$title",
            "$tags",
            "$headings",
            "$body");
        foreach (var (manualId, prepared) in entries)
        {
            var entry = (Entry)prepared;
            delete.Parameters[0].Value = manualId;
            await delete.ExecuteNonQueryAsync(cancellationToken);
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

    // FTS5 merges segments as they fill up (automerge, default 4). A rebuild rewrites every row and ends with
    // 'optimize', which merges everything into one segment, so merging along the way is wasted work: it is off for
    // the rebuild and back to the default afterwards, also when the rebuild fails.
    public async Task BeginRebuildAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)";
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    public async Task EndRebuildAsync(DbConnection connection, bool completed, CancellationToken cancellationToken)
    {
        const string restoreSql = "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 4)";
        const string compactSql = """
            DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM manuals);
            INSERT INTO search_fts (search_fts) VALUES ('optimize');
            """;
        await connection.ExecuteAsync(new CommandDefinition(restoreSql, cancellationToken: cancellationToken));
        if (completed)
        {
            await connection.ExecuteAsync(new CommandDefinition(compactSql, cancellationToken: cancellationToken));
        }
    }

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
