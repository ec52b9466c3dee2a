using System.Data.Common;
using System.Text;
using Dapper;
using Manuals.Core.Accounts;
using Manuals.Core.Manuals;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// Searches the full-text index of the configured engine and repairs it. The access policy
/// (<see cref="ManualAccessPolicy.CanRead(Viewer, long, ManualVisibility, long?, ManualStatus)"/>) is part of every query's WHERE
/// clause, so a manual the viewer may not read never reaches a result, a count or a snippet.
/// </summary>
public sealed class SearchIndex(IDbConnectionFactory connections) : ISearchIndex
{
    private const int BatchSize = 200;

    private readonly IFullTextEngine _engine = SearchIndexWriter.EngineOf(connections.Engine);

    public async Task<SearchIndexPage> SearchAsync(
        SearchQuery query, SearchFilters filters, SearchSort sort, int offset, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(viewer);
        if (query.IsEmpty)
        {
            return new SearchIndexPage(0, []);
        }

        var parameters = ReadableParameters(viewer);
        parameters.Add("match", _engine.MatchText(query));
        parameters.Add("offset", Math.Clamp(offset, 0, SearchLimits.MaxCount));
        parameters.Add("limit", Math.Clamp(limit, 1, 100));
        var conditions = new StringBuilder(Readable());
        AppendFilters(conditions, parameters, filters);
        var where = $"{_engine.Match} AND {conditions}";

        // Built from constant fragments only; every value is a parameter.
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await _engine.BeginSearchAsync(connection, cancellationToken);
        var search = new Search(connection, transaction, parameters, cancellationToken);
        var candidates = await CandidatesAsync(search, query, filters, conditions.ToString(), sort);
        if (candidates.Count <= SearchLimits.MaxCount)
        {
            parameters.Add("candidateIds", candidates.ToArray());
        }
        var ids = candidates.Count switch
        {
            0 => [],
            // More matches than are ranked or sorted: the page comes from the candidates, or from the newest manuals down.
            > SearchLimits.MaxCount when sort == SearchSort.Updated => await search.IdsAsync(_engine.NewestFirstSql(conditions.ToString())),
            > SearchLimits.MaxCount => candidates.Skip(Math.Clamp(offset, 0, SearchLimits.MaxCount)).Take(Math.Clamp(limit, 1, 100)).ToList(),
            // These are all the matches: sorted by date, or ranked exactly.
            _ => await search.IdsAsync(
                sort == SearchSort.Updated
                    ? $"SELECT m.id FROM manuals m WHERE {_engine.IsIn("m.id", "@candidateIds")} ORDER BY m.updated_at DESC, m.id DESC LIMIT @limit OFFSET @offset"
                    : _engine.RankedSql(where)),
        };
        var rowsSql = $"""
            SELECT m.id, m.title, m.department_id, m.visibility, m.status, m.template, m.updated_at, m.body
            FROM manuals m WHERE {_engine.IsIn("m.id", "@ids")}
            """;
        var rows = ids.Count == 0
            ? []
            : (await connection.QueryAsync<SearchIndexRow>(new CommandDefinition(rowsSql, new { ids }, transaction, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Id);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new SearchIndexPage(
            Math.Min(candidates.Count, SearchLimits.MaxCount),
            ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(),
            candidates.Count > SearchLimits.MaxCount);
    }

    /// <summary>
    /// Up to MaxCount + 1 matches, which also counts them. By relevance, those whose title holds a phrase of the query
    /// come first, then, unless they are already more than MaxCount, the others among the newest MaxCount + 1 matches;
    /// each group newest first. At most MaxCount in all means these are all the matches; more means the count is capped
    /// and, by relevance, the page is cut from these candidates (see README, "Bounded work per search").
    /// </summary>
    private async Task<List<long>> CandidatesAsync(Search search, SearchQuery query, SearchFilters filters, string conditions, SearchSort sort)
    {
        _engine.AddGroupParameters(search.Parameters, query);
        search.Parameters.Add("candidates", SearchLimits.MaxCount + 1);
        var candidates = sort == SearchSort.Updated ? [] : await GroupAsync(titleMatchesOnly: true);
        if (candidates.Count <= SearchLimits.MaxCount)
        {
            var titleMatches = candidates.ToHashSet();
            candidates.AddRange((await GroupAsync(titleMatchesOnly: false)).Where(id => !titleMatches.Contains(id)));
        }

        return candidates;

        Task<List<long>> GroupAsync(bool titleMatchesOnly) => search.IdsAsync(
            $"SELECT id FROM ({_engine.GroupSql(titleMatchesOnly, conditions, query, filters)}) candidates ORDER BY updated_at DESC, id DESC");
    }

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(SearchQuery query, Viewer viewer, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        if (query.IsEmpty)
        {
            return [];
        }

        var parameters = ReadableParameters(viewer);
        parameters.Add("match", _engine.TitleMatchText(query));
        parameters.Add("limit", Math.Clamp(limit, 1, 100));
        parameters.Add("candidates", SearchLimits.MaxCount);
        // Ranks at most MaxCount title matches, like a search.
        var sql = $"""
            SELECT id FROM (
                SELECT m.id AS id, {_engine.TitleOnlyScore} AS score, m.updated_at AS updated_at {_engine.From}
                WHERE {_engine.Match} AND {Readable()}
                LIMIT @candidates) candidates
            ORDER BY score, updated_at DESC, id DESC
            LIMIT @limit
            """;
        const string titlesSql = "SELECT m.id, m.title FROM manuals m WHERE ";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var titles = (await connection.QueryAsync<(long Id, string Title)>(new CommandDefinition(
                titlesSql + _engine.IsIn("m.id", "@ids"), new { ids }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => r.Title);
        return ids.Where(titles.ContainsKey).Select(id => new SearchSuggestion(SearchSuggestionKind.Manual, id, titles[id])).ToList();
    }

    public async Task<SearchFacets> FacetsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // There are few distinct tags and templates but a row per manual: each query steps from one distinct value to
        // the next through an index (ix_manual_tags_tag, ix_manuals_template) and keeps a value when some manual the
        // viewer may read has it, which is usually the first one looked at. OFFSET 0 keeps PostgreSQL from turning the
        // EXISTS into a hash join over every tag row (106 ms instead of 1 ms at 100,000 manuals).
        var tagsSql = $"""
            WITH RECURSIVE tags (tag) AS (
                SELECT MIN(tag) FROM manual_tags
                UNION ALL
                SELECT (SELECT MIN(next.tag) FROM manual_tags next WHERE next.tag > tags.tag) FROM tags WHERE tags.tag IS NOT NULL)
            SELECT tags.tag FROM tags
            WHERE tags.tag IS NOT NULL
              AND EXISTS (SELECT 1 FROM manual_tags t JOIN manuals m ON m.id = t.manual_id WHERE t.tag = tags.tag AND {Readable()} LIMIT 1 OFFSET 0)
            """;
        var templatesSql = $"""
            WITH RECURSIVE templates (template) AS (
                SELECT MIN(template) FROM manuals
                UNION ALL
                SELECT (SELECT MIN(next.template) FROM manuals next WHERE next.template > templates.template)
                FROM templates WHERE templates.template IS NOT NULL)
            SELECT templates.template FROM templates
            WHERE templates.template IS NOT NULL
              AND EXISTS (SELECT 1 FROM manuals m WHERE m.template = templates.template AND {Readable()} LIMIT 1 OFFSET 0)
            """;
        var parameters = ReadableParameters(viewer);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var tags = await connection.QueryAsync<string>(new CommandDefinition(tagsSql, parameters, cancellationToken: cancellationToken));
        var templates = await connection.QueryAsync<string>(new CommandDefinition(templatesSql, parameters, cancellationToken: cancellationToken));
        // Ordered here, not in SQL, so both engines agree whatever the database collation.
        return new SearchFacets(tags.Order(StringComparer.Ordinal).ToList(), templates.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// A pipeline: while batches are written (one at a time on SQLite, several on PostgreSQL, each in its own
    /// transaction on its own connection), the next is read and analysed on the other cores. Progress is reported in
    /// batch order.
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        const string countSql = "SELECT COUNT(*) FROM manuals";
        const string batchSql = "SELECT m.id, m.revision_number, m.title, m.body FROM manuals m WHERE m.id > @after ORDER BY m.id LIMIT @limit";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, cancellationToken: cancellationToken));
        progress?.Report(new SearchRebuildProgress(0, total));
        var done = 0;
        var writing = new Queue<(Task Write, int Count)>();
        await _engine.BeginRebuildAsync(connection, cancellationToken);
        try
        {
            var next = ReadAndPrepareAsync(batchSql, new { after = 0L, limit = BatchSize }, cancellationToken);
            while (true)
            {
                var batch = await next;
                if (batch.Count == 0)
                {
                    break;
                }

                next = ReadAndPrepareAsync(batchSql, new { after = batch[^1].Id, limit = BatchSize }, cancellationToken);
                if (writing.Count == _engine.RebuildWriters)
                {
                    await FinishOldestAsync();
                }

                writing.Enqueue((WriteBatchAsync(batch, cancellationToken), batch.Count));
            }

            while (writing.Count > 0)
            {
                await FinishOldestAsync();
            }

            await _engine.EndRebuildAsync(connection, completed: true, cancellationToken);
        }
        catch
        {
            // Let the other writers end (their errors say nothing the first one did not) before undoing the set-up;
            // also when putting the rebuilt index in place failed, whatever of it is left goes.
            await Task.WhenAll(writing.Select(w => w.Write)).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await _engine.EndRebuildAsync(connection, completed: false, CancellationToken.None);
            throw;
        }

        return done;

        async Task FinishOldestAsync()
        {
            var (write, count) = writing.Peek();
            await write;
            writing.Dequeue();
            done += count;
            progress?.Report(new SearchRebuildProgress(done, Math.Max(done, total)));
        }
    }

    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        const string staleSql = """
            SELECT m.id FROM manuals m
            LEFT JOIN search_documents d ON d.manual_id = m.id
            WHERE d.manual_id IS NULL OR d.revision_number <> m.revision_number OR d.analyzer_version <> @version
            ORDER BY m.id
            """;
        var batchSql = $"SELECT m.id, m.revision_number, m.title, m.body FROM manuals m WHERE {_engine.IsIn("m.id", "@ids")} ORDER BY m.id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stale = (await connection.QueryAsync<long>(new CommandDefinition(
            staleSql, new { version = SearchAnalyzer.Version }, cancellationToken: cancellationToken))).ToList();
        var done = 0;
        foreach (var ids in stale.Chunk(BatchSize))
        {
            var batch = await ReadAndPrepareAsync(batchSql, new { ids }, cancellationToken);
            await WriteBatchAsync(connection, batch, rebuilding: false, cancellationToken);
            done += batch.Count;
        }

        return done;
    }

    public async Task<SearchIndexStatus> StatusAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT (SELECT COUNT(*) FROM manuals) AS manuals,
                   (SELECT COUNT(*) FROM manuals m JOIN search_documents d ON d.manual_id = m.id
                    WHERE d.revision_number = m.revision_number AND d.analyzer_version = @version) AS indexed
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Manuals, long Indexed)>(
            new CommandDefinition(sql, new { version = SearchAnalyzer.Version }, cancellationToken: cancellationToken));
        return new SearchIndexStatus((int)row.Manuals, (int)row.Indexed);
    }

    /// <summary>
    /// Reads a batch of manuals with their tags on a connection of its own and analyses them in parallel, off the
    /// caller's thread.
    /// </summary>
    private Task<List<Prepared>> ReadAndPrepareAsync(string batchSql, object parameters, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                var manuals = (await connection.QueryAsync<(long Id, long Revision, string Title, string Body)>(
                    new CommandDefinition(batchSql, parameters, cancellationToken: cancellationToken))).ToList();
                var tags = await TagsAsync(connection, null, manuals.Select(m => m.Id).ToArray(), cancellationToken);
                return manuals
                    .AsParallel()
                    .AsOrdered()
                    .WithCancellation(cancellationToken)
                    .Select(m => new Prepared(m.Id, m.Revision, _engine.Prepare(SearchDocument.Create(m.Title, tags[m.Id].Order(StringComparer.Ordinal), m.Body))))
                    .ToList();
            },
            cancellationToken);

    /// <summary>
    /// Writes a prepared batch in one transaction. The batch was read before the transaction began, so its rows are
    /// read again here (locked against concurrent saves where the engine needs it): a manual saved meanwhile is
    /// analysed again from its new text, and one deleted meanwhile is left out.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<Prepared> batch, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await WriteBatchAsync(connection, batch, rebuilding: true, cancellationToken);
    }

    private async Task WriteBatchAsync(DbConnection connection, IReadOnlyList<Prepared> batch, bool rebuilding, CancellationToken cancellationToken)
    {
        var revisionsSql = $"SELECT m.id, m.revision_number FROM manuals m WHERE {_engine.IsIn("m.id", "@ids")} {_engine.LockRows}";
        var changedSql = $"SELECT m.id, m.title, m.body FROM manuals m WHERE {_engine.IsIn("m.id", "@ids")}";
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = (await connection.QueryAsync<(long Id, long Revision)>(new CommandDefinition(
                revisionsSql, new { ids = batch.Select(p => p.Id).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => r.Revision);
        var changedIds = batch.Where(p => current.TryGetValue(p.Id, out var revision) && revision != p.Revision).Select(p => p.Id).ToArray();
        var changed = new Dictionary<long, object>();
        if (changedIds.Length > 0)
        {
            var tags = await TagsAsync(connection, transaction, changedIds, cancellationToken);
            foreach (var manual in await connection.QueryAsync<(long Id, string Title, string Body)>(
                         new CommandDefinition(changedSql, new { ids = changedIds }, transaction, cancellationToken: cancellationToken)))
            {
                changed[manual.Id] = _engine.Prepare(SearchDocument.Create(manual.Title, tags[manual.Id].Order(StringComparer.Ordinal), manual.Body));
            }
        }

        var entries = batch
            .Where(p => current.ContainsKey(p.Id))
            .Select(p => (p.Id, changed.TryGetValue(p.Id, out var entry) ? entry : p.Entry))
            .ToList();
        await _engine.WriteBatchAsync(connection, transaction, entries, rebuilding, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ILookup<long, string>> TagsAsync(DbConnection connection, DbTransaction? transaction, long[] ids, CancellationToken cancellationToken)
    {
        var tagsSql = $"SELECT manual_id, tag FROM manual_tags WHERE {_engine.IsIn("manual_id", "@ids")}";
        var tags = await connection.QueryAsync<(long ManualId, string Tag)>(
            new CommandDefinition(tagsSql, new { ids }, transaction, cancellationToken: cancellationToken));
        return tags.ToLookup(t => t.ManualId, t => t.Tag);
    }

    private static DynamicParameters ReadableParameters(Viewer viewer)
    {
        var parameters = new DynamicParameters();
        parameters.Add("isAdmin", viewer.IsAdmin);
        parameters.Add("userId", viewer.UserId);
        parameters.Add("departmentIds", viewer.DepartmentIds.ToArray());
        parameters.Add("company", nameof(ManualVisibility.Company));
        parameters.Add("isWriter", viewer.IsWriter);
        parameters.Add("draft", nameof(ManualStatus.Draft));
        return parameters;
    }

    /// <summary>
    /// <see cref="ManualAccessPolicy.CanRead(Viewer, long, ManualVisibility, long?, ManualStatus)"/> in SQL: 全社公開 to everyone;
    /// 部署限定 to Admins, the owner and members of the manual's department; a 下書き only to those who may edit it (Admins,
    /// and Editors who own it or belong to its department). A test holds the two in step.
    /// </summary>
    private string Readable() =>
        $"((m.visibility = @company OR @isAdmin OR m.owner_id = @userId OR {_engine.IsIn("m.department_id", "@departmentIds")})"
        + $" AND (m.status <> @draft OR @isAdmin OR (@isWriter AND (m.owner_id = @userId OR {_engine.IsIn("m.department_id", "@departmentIds")}))))";

    private static void AppendFilters(StringBuilder where, DynamicParameters parameters, SearchFilters filters)
    {
        if (filters.DepartmentId is { } department)
        {
            where.Append(" AND m.department_id = @department");
            parameters.Add("department", department);
        }

        if (filters.Status is { } status)
        {
            where.Append(" AND m.status = @status");
            parameters.Add("status", status.ToString());
        }

        if (!string.IsNullOrEmpty(filters.Template))
        {
            where.Append(" AND m.template = @template");
            parameters.Add("template", filters.Template);
        }

        if (!string.IsNullOrEmpty(filters.Tag))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM manual_tags t WHERE t.manual_id = m.id AND t.tag = @tag)");
            parameters.Add("tag", filters.Tag);
        }

        if (filters.UpdatedFrom is { } from)
        {
            where.Append(" AND m.updated_at >= @updatedFrom");
            parameters.Add("updatedFrom", from);
        }

        if (filters.UpdatedBefore is { } before)
        {
            where.Append(" AND m.updated_at < @updatedBefore");
            parameters.Add("updatedBefore", before);
        }
    }

    /// <summary>One search's connection, transaction (if the engine uses one) and parameters.</summary>
    private sealed record Search(DbConnection Connection, DbTransaction? Transaction, DynamicParameters Parameters, CancellationToken CancellationToken)
    {
        public async Task<List<long>> IdsAsync(string sql) =>
            (await Connection.QueryAsync<long>(new CommandDefinition(sql, Parameters, Transaction, cancellationToken: CancellationToken))).ToList();
    }

    /// <summary>A manual analysed for the index at the revision that was read.</summary>
    private sealed record Prepared(long Id, long Revision, object Entry);
}
