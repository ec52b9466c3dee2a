using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// PostgreSQL: one <c>tsvector</c> per manual with a GIN index. Each field is written as a tsvector literal of the
/// analyser's tokens with their own positions (cast, not parsed by <c>to_tsvector</c>, so the database's text-search
/// parser and locale never split or change a token), weighted with <c>setweight</c> (title A, tags B, headings C,
/// body D) and concatenated. Queries are tsquery literals: <c>'a' &lt;-&gt; 'b'</c> for phrases, <c>:*</c> for a prefix.
/// Title matches come first, then <c>ts_rank</c> with the weights {D 0.1, C 0.2, B 0.4, A 1.0}.
/// </summary>
internal sealed class PostgresFullText : IFullTextEngine
{
    public static readonly PostgresFullText Instance = new();

    // PostgreSQL keeps positions up to 16,383 and 256 positions per lexeme, and a tsvector must stay under 1 MB;
    // beyond those, further positions (and, past the size budget, further new lexemes) are left out.
    private const int MaxPosition = 16_383;
    private const int MaxPositionsPerLexeme = 256;
    private const int SizeBudget = 900_000;

    private PostgresFullText()
    {
    }

    // One manual looked up per match (OFFSET 0 keeps the planner from turning this into a hash join over every match,
    // which its poor estimates for phrases otherwise pick), so a LIMIT ends the scan early. Only the columns the
    // access policy, the filters and the ordering need.
    public string From => """
        FROM search_documents d
        CROSS JOIN LATERAL (
            SELECT m.id, m.visibility, m.department_id, m.owner_id, m.status, m.template, m.updated_at
            FROM manuals m WHERE m.id = d.manual_id OFFSET 0) m
        """;

    public string Match => "d.document @@ CAST(@match AS tsquery)";

    // A title match first (ts_rank with only weight A is above zero exactly then), as in FTS5.
    public string BestFirst =>
        "CASE WHEN ts_rank('{0, 0, 0, 1}', d.document, CAST(@match AS tsquery)) > 0 THEN 0 ELSE 1 END, "
        + "ts_rank('{0.1, 0.2, 0.4, 1.0}', d.document, CAST(@match AS tsquery)) DESC";

    // The title test asks the small title tsvector (0009_search_title.sql). No ts_rank here: it would fetch each
    // candidate's out-of-line (TOAST) document a second time.
    public string GroupSql(bool titleFirst, string conditions) => $"""
        SELECT d.manual_id AS id, m.updated_at AS updated_at
        {From}
        WHERE d.document @@ CAST(@match AS tsquery)
          AND {(titleFirst ? "" : "NOT ")}(d.title @@ CAST(@titlePhrases AS tsquery))
          AND {conditions}
        LIMIT @candidates
        """;

    public void AddGroupParameters(DynamicParameters parameters, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(query);
        parameters.Add("titlePhrases", string.Join(" | ", query.HighlightPhrases.Select(p => "(" + Phrase(p) + ")")));
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

    /// <summary>Every lexeme restricted to weight A, the title's: <c>'a':A &lt;-&gt; 'b':A</c>, a prefix <c>'d':*A</c>.</summary>
    public string TitleMatchText(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(" & ", query.Clauses.Select(c => "(" + string.Join(" | ", c.Alternatives.Select(p => Phrase(p, "A"))) + ")"));
    }

    public Task WriteAsync(
        DbConnection connection, DbTransaction transaction, long manualId, SearchDocument document, CancellationToken cancellationToken) =>
        WriteBatchAsync(connection, transaction, [(manualId, Prepare(document))], cancellationToken);

    public object Prepare(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var budget = new Budget();
        return new Entry(
            Literal(document.Title, 1, budget),
            // Later fields start at position 2: concatenation shifts them past the previous field's last position,
            // so this leaves a gap and no phrase can run from one field into the next (as in FTS5's columns).
            Literal(string.Join('\n', document.Tags), 2, budget),
            Literal(string.Join('\n', document.Headings), 2, budget),
            Literal(document.Body, 2, budget));
    }

    /// <summary>One statement for the whole batch: the literals travel as arrays and are cast row by row.</summary>
    public async Task WriteBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(long ManualId, object Entry)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entries);
        const string sql = """
            INSERT INTO search_documents (manual_id, revision_number, analyzer_version, document)
            SELECT m.id, m.revision_number, @version,
                   setweight(CAST(e.title AS tsvector), 'A') || setweight(CAST(e.tags AS tsvector), 'B')
                   || setweight(CAST(e.headings AS tsvector), 'C') || setweight(CAST(e.body AS tsvector), 'D')
            FROM unnest(@ids, @titles, @tags, @headings, @bodies) AS e (id, title, tags, headings, body)
            JOIN manuals m ON m.id = e.id
            ON CONFLICT (manual_id) DO UPDATE
            SET revision_number = EXCLUDED.revision_number, analyzer_version = EXCLUDED.analyzer_version, document = EXCLUDED.document
            """;
        var rows = entries.Select(e => (e.ManualId, Entry: (Entry)e.Entry)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                version = SearchAnalyzer.Version,
                ids = rows.Select(r => r.ManualId).ToArray(),
                titles = rows.Select(r => r.Entry.Title).ToArray(),
                tags = rows.Select(r => r.Entry.Tags).ToArray(),
                headings = rows.Select(r => r.Entry.Headings).ToArray(),
                bodies = rows.Select(r => r.Entry.Body).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long manualId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM search_documents WHERE manual_id = @manualId";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { manualId }, transaction, cancellationToken: cancellationToken));
    }

    // search_documents rows go with their manual (ON DELETE CASCADE); GIN needs no compaction.
    // Writing a batch keeps one server process busy (parsing the literals, TOAST, two GIN indexes) while this side
    // only analyses; a second writer puts the server's other cores to work.
    public int RebuildWriters => Math.Clamp(Environment.ProcessorCount, 2, 4);

    public Task BeginRebuildAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task TidyAsync(DbConnection connection, bool compact, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A tsvector literal: <c>'lexeme':3,7 'other':4</c>, positions counted from <paramref name="firstPosition"/>.</summary>
    private static string Literal(string text, int firstPosition, Budget budget)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var token in SearchAnalyzer.Analyze(text))
        {
            var position = Math.Min(token.Position + firstPosition, MaxPosition);
            if (!positions.TryGetValue(token.Text, out var list))
            {
                if (!budget.TryTake(Encoding.UTF8.GetByteCount(token.Text) + 8))
                {
                    continue;
                }

                list = [];
                positions[token.Text] = list;
            }

            if (list.Count < MaxPositionsPerLexeme && (list.Count == 0 || list[^1] != position) && budget.TryTake(2))
            {
                list.Add(position);
            }
        }

        var literal = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            if (literal.Length > 0)
            {
                literal.Append(' ');
            }

            literal.Append(Quote(lexeme)).Append(':').AppendJoin(',', list.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }

        return literal.ToString();
    }

    private static string Clause(SearchClause clause) => "(" + string.Join(" | ", clause.Alternatives.Select(Phrase)) + ")";

    private static string Phrase(SearchPhrase phrase) => Phrase(phrase, "");

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

    /// <summary>Bytes left for one document's tsvector, shared by its four fields.</summary>
    private sealed class Budget
    {
        private int _left = SizeBudget;

        public bool TryTake(int bytes)
        {
            if (_left < bytes)
            {
                return false;
            }

            _left -= bytes;
            return true;
        }
    }

    /// <summary>The four fields of one manual, as tsvector literals.</summary>
    private sealed record Entry(string Title, string Tags, string Headings, string Body);
}
