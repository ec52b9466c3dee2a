using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// PostgreSQL: one <c>tsvector</c> per manual with a GIN index, written as a tsvector literal of the analyser's tokens
/// with their positions and their field's weight (title A, tags B, headings C, body D); cast, not parsed by
/// <c>to_tsvector</c>, so the database's text-search parser and locale never split or change a token. Queries are
/// tsquery literals: <c>'a' &lt;-&gt; 'b'</c> for phrases, <c>:*</c> for a prefix. Title matches come first, then <c>ts_rank</c> with the weights {D 0.1, C 0.2, B 0.4, A 1.0}.
/// </summary>
internal sealed class PostgresFullText : IFullTextEngine
{
    public static readonly PostgresFullText Instance = new();

    // PostgreSQL keeps positions up to 16,383 and 256 positions per lexeme, and a tsvector must stay under 1 MB;
    // beyond those, further positions (and, past the size budget, further new lexemes) are left out.
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerLexeme = 256;
    private const int SizeBudget = 900_000;

    // Where a rebuild writes, and the advisory lock that lets one rebuild run at a time (not the migrations' key).
    private const string RebuildTable = "search_documents_rebuild";
    private const long RebuildLockKey = 0x4D_616E_7561_6C52; // "ManualR"

    // A candidate's manual, looked up one at a time (OFFSET 0 keeps the planner from turning this into a hash join
    // over every match, which its poor estimates for phrases otherwise pick), so a LIMIT ends the scan early. Only the
    // columns the access policy, the filters and the ordering need.
    private const string ManualLookup = """
        CROSS JOIN LATERAL (
            SELECT m.id, m.visibility, m.department_id, m.owner_id, m.status, m.template, m.updated_at
            FROM manuals m WHERE m.id = d.manual_id OFFSET 0) m
        """;

    private PostgresFullText()
    {
    }

    public string From => "FROM search_documents d " + ManualLookup;


    public string Match => "d.document @@ CAST(@match AS tsquery)";

    // A title that holds one of the query's phrases first (the rule of FTS5's title-only bm25 and of the title group;
    // ts_rank with only weight A is not it: for a query whose top operator is & or <-> it is above zero even when the
    // title holds none of the words), then ts_rank with every weight. The candidates are the matches, so they are
    // ranked without matching again: one fetch of each out-of-line document, for ts_rank.
    public string RankedSql(string where) => """
        SELECT r.id FROM (
            SELECT d.manual_id AS id, m.updated_at, d.title, d.document
            FROM search_documents d JOIN manuals m ON m.id = d.manual_id
            WHERE d.manual_id = ANY(@candidateIds)
            OFFSET 0) r
        ORDER BY CASE WHEN r.title @@ CAST(@titlePhrases AS tsquery) THEN 0 ELSE 1 END,
                 ts_rank('{0.1, 0.2, 0.4, 1.0}', r.document, CAST(@match AS tsquery)) DESC, r.updated_at DESC, r.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // GIN keeps no positions, so a phrase ('請求' <-> '求書') is only a candidate in the index and is checked on the
    // manual's document, which at about 9 KB is stored out of line (TOAST): about 10 µs a fetch, the largest cost of a
    // search. So the index is asked only what it answers exactly — the title's phrases, which are checked on the small
    // title tsvector kept in the row, or the query's lexemes without their order (@lexemes) — and the access policy and
    // the filters come next; only the rows left are checked on the document (OFFSET 0 keeps that check out of the
    // scan), and not at all when the index's answer already is the query's. No ts_rank here: another fetch per row.
    public string GroupSql(bool titleMatchesOnly, string conditions, SearchQuery query, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filters);
        var lexemesAreTheQuery = LexemeText(query) == MatchText(query);
        // A title that holds one of the phrases of a query of one clause without exclusions matches the whole query.
        var titleIsTheQuery = query.Clauses.Count == 1 && query.Exclusions.Count == 0;
        // What the indexes answer exactly (no recheck: a bitmap scan that rechecks one condition rechecks them all, and
        // for the document that is a TOAST fetch); the title's phrases are checked on the row's small title next.
        var (indexed, title) = (titleMatchesOnly, titleIsTheQuery) switch
        {
            (true, true) => ("d.title @@ CAST(@titlePhrases AS tsquery)", "TRUE"),
            (true, false) =>
                ("d.title @@ CAST(@titleLexemes AS tsquery) AND d.document @@ CAST(@lexemes AS tsquery)", "d.title @@ CAST(@titlePhrases AS tsquery)"),
            _ => ("d.document @@ CAST(@lexemes AS tsquery)", "TRUE"),
        };
        // A tag is in a few percent of the manuals: its manuals are hashed once and joined to the index's answer before
        // anything else is read (as one EXISTS per candidate among conditions, it cost up to 100 ms).
        var tagged = string.IsNullOrEmpty(filters.Tag) ? "" : " AND d.manual_id IN (SELECT t.manual_id FROM manual_tags t WHERE t.tag = @tag)";
        var exact = lexemesAreTheQuery || (titleMatchesOnly && titleIsTheQuery);
        return $"""
            SELECT c.id, c.updated_at FROM (
                SELECT d.manual_id AS id, m.updated_at, d.document
                FROM (SELECT d.manual_id, d.title, d.document FROM search_documents d WHERE {indexed}{tagged} OFFSET 0) d
                {ManualLookup}
                WHERE {title} AND {conditions}
                OFFSET 0) c
            {(exact ? "" : "WHERE c.document @@ CAST(@match AS tsquery)")}
            LIMIT @candidates
            """;
    }

    public void AddGroupParameters(DynamicParameters parameters, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(query);
        parameters.Add("titlePhrases", string.Join(" | ", query.HighlightPhrases.Select(p => "(" + Phrase(p) + ")")));
        parameters.Add("lexemes", LexemeText(query));
        parameters.Add("titleLexemes", string.Join(" | ", query.HighlightPhrases.Select(p => "(" + Lexemes(p) + ")")));
    }

    // The planner estimates a phrase's matches poorly and, with a LIMIT, often prefers reading search_documents in
    // order and testing every document (a TOAST fetch each) to the GIN index. Without sequential scans it uses the
    // indexes; the setting lasts until the search's read-only transaction ends. Repeatable read: the statements of one
    // search see one snapshot, so the candidates the access policy let through are still readable when ranked.
    public async Task<DbTransaction?> BeginSearchAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SET TRANSACTION READ ONLY; SET LOCAL enable_seqscan = off", transaction: transaction, cancellationToken: cancellationToken));
        return transaction;
    }

    // From the newest manual down, each checked against the query, until the page is full: with many matches that is
    // soon. (OFFSET 0 keeps the check a per-row subplan rather than a join over every match.)
    public string NewestFirstSql(string conditions) => $"""
        SELECT m.id FROM manuals m
        WHERE EXISTS (
                SELECT 1 FROM search_documents d
                WHERE d.manual_id = m.id AND d.document @@ CAST(@match AS tsquery) OFFSET 0)
          AND {conditions}
        ORDER BY m.updated_at DESC, m.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // The query's lexemes carry weight A, so ranking the title tsvector ranks what ranking the document would.
    public string TitleOnlyScore => "-ts_rank('{0.1, 0.2, 0.4, 1.0}', d.title, CAST(@match AS tsquery))";

    public string LockRows => "FOR SHARE OF m";

    public string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    /// <summary><c>('a' &lt;-&gt; 'b' | 'c') &amp; ('d':*) &amp; !('e')</c>, every lexeme quoted.</summary>
    public string MatchText(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = query.Clauses.Select(Clause).Concat(query.Exclusions.Select(c => "!" + Clause(c)));
        return string.Join(" & ", parts);
    }

    /// <summary>
    /// What GIN answers exactly and every match of the query also matches: each phrase's lexemes in any order
    /// (<c>'a' &amp; 'b'</c>), and the exclusions of single lexemes (<c>!('c')</c>); exclusions of phrases are left out.
    /// </summary>
    private static string LexemeText(SearchQuery query)
    {
        var parts = query.Clauses.Select(c => "(" + string.Join(" | ", c.Alternatives.Select(Lexemes)) + ")")
            .Concat(query.Exclusions.Where(c => c.Alternatives.All(p => p.Tokens.Count == 1)).Select(c => "!" + Clause(c)));
        return string.Join(" & ", parts);
    }

    /// <summary>Every lexeme restricted to weight A, the title's: <c>'a':A &lt;-&gt; 'b':A</c>, a prefix <c>'d':*A</c>.</summary>
    public string TitleMatchText(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(" & ", query.Clauses.Select(c => "(" + string.Join(" | ", c.Alternatives.Select(p => Phrase(p, "A"))) + ")"));
    }

    public Task WriteAsync(
        DbConnection connection, DbTransaction transaction, long manualId, SearchDocument document, CancellationToken cancellationToken) =>
        WriteBatchAsync(connection, transaction, [(manualId, Prepare(document))], rebuilding: false, cancellationToken);

    public object Prepare(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Document(document);
    }

    /// <summary>
    /// One statement for the whole batch: the documents travel as an array of tsvector literals, each already
    /// weighted, so the server parses each once and neither weights nor concatenates fields. A rebuild inserts into its
    /// own table (see <see cref="BeginRebuildAsync"/>).
    /// </summary>
    public async Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<(long ManualId, object Entry)> entries,
        bool rebuilding,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entries);
        const string select = """
            SELECT m.id, m.revision_number, @version, CAST(e.document AS tsvector)
            FROM unnest(@ids, @documents) AS e (id, document)
            JOIN manuals m ON m.id = e.id
            """;
        var sql = rebuilding
            ? $"INSERT INTO {RebuildTable} (manual_id, revision_number, analyzer_version, document) {select}"
            : $"""
                INSERT INTO search_documents (manual_id, revision_number, analyzer_version, document) {select}
                ON CONFLICT (manual_id) DO UPDATE
                SET revision_number = EXCLUDED.revision_number, analyzer_version = EXCLUDED.analyzer_version, document = EXCLUDED.document
                """;
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                version = SearchAnalyzer.Version,
                ids = entries.Select(e => e.ManualId).ToArray(),
                documents = entries.Select(e => (string)e.Entry).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long manualId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM search_documents WHERE manual_id = @manualId";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { manualId }, transaction, cancellationToken: cancellationToken));
    }

    // Writing a batch keeps a server process busy (parsing the literals, TOAST) while this side only analyses; a second
    // writer puts the server's other cores to work.
    public int RebuildWriters => Math.Clamp(Environment.ProcessorCount, 2, 4);

    /// <summary>
    /// A rebuild writes a table of its own, shaped like search_documents but without indexes, while searches and saves
    /// go on with search_documents. Keeping GIN up to date row by row was half of a rebuild's time (its pending list is
    /// one list that all writers take turns on); building it once at the end takes a third of that (see
    /// <see cref="EndRebuildAsync"/>). One rebuild at a time, also across processes (the web app's button and
    /// <c>reindex</c> on the command line).
    /// </summary>
    public async Task BeginRebuildAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var locked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_lock(@key)", new { key = RebuildLockKey }, cancellationToken: cancellationToken));
        if (!locked)
        {
            throw new InvalidOperationException("Another rebuild of the search index is running.");
        }

        var sql = $"""
            DROP TABLE IF EXISTS {RebuildTable};
            CREATE TABLE {RebuildTable} (LIKE search_documents INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE);
            """;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        }
        catch
        {
            await UnlockAsync(connection);
            throw;
        }
    }

    private static async Task UnlockAsync(DbConnection connection) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_unlock(@key)", new { key = RebuildLockKey }, cancellationToken: CancellationToken.None));

    /// <summary>
    /// Builds the rebuilt table's indexes and foreign key (saves and searches meanwhile still use search_documents; from
    /// now on a deleted manual takes its rebuilt row with it), then, in one short transaction that holds saves off: drops rebuilt rows that a save has since made stale or whose manual is gone,
    /// takes the rows of those saves from search_documents (a save writes it in its own transaction, so they are
    /// current), and puts the rebuilt table in its place, under its names. The indexes and
    /// constraints are those of the migrations (0005, 0009, 0010); a test compares them.
    /// </summary>
    public async Task EndRebuildAsync(DbConnection connection, bool completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            if (!completed)
            {
                await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE IF EXISTS {RebuildTable}", cancellationToken: cancellationToken));
                return;
            }

            var indexesSql = $"""
                CREATE INDEX ix_{RebuildTable}_document ON {RebuildTable} USING gin (document);
                CREATE INDEX ix_{RebuildTable}_title ON {RebuildTable} USING gin (title) WITH (fastupdate = off);
                ALTER TABLE {RebuildTable} ADD CONSTRAINT {RebuildTable}_pkey PRIMARY KEY (manual_id);
                ALTER TABLE {RebuildTable} ADD CONSTRAINT search_documents_manual_id_fkey
                    FOREIGN KEY (manual_id) REFERENCES manuals (id) ON DELETE CASCADE NOT VALID;
                """;
            var swapSql = $"""
                LOCK TABLE manuals IN SHARE MODE;
                LOCK TABLE search_documents IN EXCLUSIVE MODE;
                DELETE FROM {RebuildTable} r
                WHERE NOT EXISTS (SELECT 1 FROM manuals m WHERE m.id = r.manual_id AND m.revision_number = r.revision_number);
                INSERT INTO {RebuildTable} (manual_id, revision_number, analyzer_version, document)
                SELECT s.manual_id, s.revision_number, s.analyzer_version, s.document
                FROM search_documents s JOIN manuals m ON m.id = s.manual_id AND m.revision_number = s.revision_number
                WHERE NOT EXISTS (SELECT 1 FROM {RebuildTable} r WHERE r.manual_id = s.manual_id);
                DROP TABLE search_documents;
                ALTER TABLE {RebuildTable} RENAME TO search_documents;
                ALTER INDEX ix_{RebuildTable}_document RENAME TO ix_search_documents_document;
                ALTER INDEX ix_{RebuildTable}_title RENAME TO ix_search_documents_title;
                ALTER TABLE search_documents RENAME CONSTRAINT {RebuildTable}_pkey TO search_documents_pkey;
                """;
            await connection.ExecuteAsync(new CommandDefinition(indexesSql, commandTimeout: 0, cancellationToken: cancellationToken));
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(swapSql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            // The swap removed rows of manuals deleted before the key existed; checking the rest blocks no save.
            const string afterSql = """
                ALTER TABLE search_documents VALIDATE CONSTRAINT search_documents_manual_id_fkey;
                ANALYZE search_documents;
                """;
            await connection.ExecuteAsync(new CommandDefinition(afterSql, commandTimeout: 0, cancellationToken: cancellationToken));
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    /// <summary>
    /// The manual's document: each field's tokens with their positions and the field's weight (title A, tags B,
    /// headings C, body D). A field's positions start two after the previous fields' last one, so no phrase runs from
    /// one field into the next (as in FTS5's columns). The result is a tsvector literal: <c>'lexeme':1A,40D 'other':2A</c>.
    /// </summary>
    private static string Document(SearchDocument document)
    {
        var lexemes = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        var budget = SizeBudget;
        var last = 0;
        (string Text, char Weight)[] fields =
        [
            (document.Title, 'A'),
            (string.Join('\n', document.Tags), 'B'),
            (string.Join('\n', document.Headings), 'C'),
            (document.Body, 'D'),
        ];
        foreach (var (text, weight) in fields)
        {
            var first = weight == 'A' ? 1 : last + 2;
            foreach (var token in SearchAnalyzer.Analyze(text))
            {
                var position = Math.Min(token.Position + first, MaxPosition);
                if (!lexemes.TryGetValue(token.Text, out var positions))
                {
                    var size = Encoding.UTF8.GetByteCount(token.Text) + 8;
                    if (budget < size)
                    {
                        continue;
                    }

                    budget -= size;
                    positions = [];
                    lexemes[token.Text] = positions;
                }

                if (positions.Count < MaxPositionsPerLexeme && (positions.Count == 0 || positions[^1].Position != position) && budget >= 2)
                {
                    budget -= 2;
                    positions.Add((position, weight));
                    last = Math.Max(last, position);
                }
            }
        }

        var literal = new StringBuilder();
        foreach (var (lexeme, positions) in lexemes)
        {
            literal.Append(Quote(lexeme)).Append(':');
            literal.AppendJoin(',', positions.Select(p => p.Position.ToString(CultureInfo.InvariantCulture) + p.Weight)).Append(' ');
        }

        return literal.ToString();
    }

    private static string Clause(SearchClause clause) => "(" + string.Join(" | ", clause.Alternatives.Select(Phrase)) + ")";

    private static string Phrase(SearchPhrase phrase) => Phrase(phrase, "");

    private static string Lexemes(SearchPhrase phrase) => Phrase(phrase).Replace(" <-> ", " & ", StringComparison.Ordinal);

    /// <summary>Lexemes joined by <c>&lt;-&gt;</c>, each restricted to <paramref name="weights"/> (none: any field).</summary>
    private static string Phrase(SearchPhrase phrase, string weights)
    {
        var tokens = phrase.Tokens.Select(Quote).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var prefix = phrase.IsPrefix && i == tokens.Count - 1 ? "*" : "";
            if (prefix.Length + weights.Length > 0)
            {
                tokens[i] += ":" + prefix + weights;
            }
        }

        return string.Join(" <-> ", tokens);
    }

    /// <summary>A quoted lexeme; quotes and backslashes doubled as tsvector and tsquery input require.</summary>
    private static string Quote(string lexeme) =>
        "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
