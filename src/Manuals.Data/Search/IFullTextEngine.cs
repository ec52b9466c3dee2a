using System.Data.Common;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// What differs between the engines' full-text search: how a document is stored, how a query is written, how matches
/// are scored, and how a list parameter is compared. Everything else (filters, paging, the rebuild) is shared SQL.
/// </summary>
internal interface IFullTextEngine
{
    /// <summary>
    /// The FROM clause: the index joined to <c>manuals m</c>, one match at a time (so a LIMIT stops the work early).
    /// Only <c>m.id</c> and the columns of the access policy, the filters and the ordering are read through it.
    /// </summary>
    string From { get; }

    /// <summary>The match condition on the parameter <c>@match</c>.</summary>
    string Match { get; }

    /// <summary>
    /// A statement returning the <c>id</c> of the page's manuals, best match first, then newest, with <c>@limit</c> and
    /// <c>@offset</c>, among the matches of <c>@match</c> that meet <paramref name="where"/> (<see cref="Match"/>, access
    /// policy, filters), which are all in the list parameter <c>@candidateIds</c> (at most MaxCount of them).
    /// </summary>
    string RankedSql(string where);

    /// <summary>
    /// A score of <c>@match</c> when it can only match titles (suggestions), lower is better, ordered as
    /// <see cref="RankedSql"/> would order those matches.
    /// </summary>
    string TitleOnlyScore { get; }

    /// <summary>
    /// At most <c>@candidates</c> matches of <paramref name="query"/>, or only those whose title holds one of its
    /// phrases (<paramref name="titleMatchesOnly"/>), that also meet <paramref name="conditions"/> (access policy and
    /// <paramref name="filters"/>, whose tag is <c>@tag</c>), in the order the index yields them (FTS5: newest first). Columns: <c>id</c>
    /// and <c>updated_at</c>. Reads <c>@match</c>, <c>@candidates</c> and the parameters of <see cref="AddGroupParameters"/>.
    /// </summary>
    string GroupSql(bool titleMatchesOnly, string conditions, SearchQuery query, SearchFilters filters);

    /// <summary>Adds the parameters <see cref="GroupSql"/> reads.</summary>
    void AddGroupParameters(Dapper.DynamicParameters parameters, SearchQuery query);

    /// <summary>
    /// A statement returning the <c>id</c> of the page's manuals, newest first, among many matches of <c>@match</c>
    /// that meet <paramref name="conditions"/> (access policy, filters), with <c>@limit</c> and <c>@offset</c>.
    /// </summary>
    string NewestFirstSql(string conditions);

    /// <summary>
    /// Starts what one search's statements run in, on <paramref name="connection"/>: a transaction with the engine's
    /// planner settings, or nothing (<see langword="null"/>).
    /// </summary>
    Task<DbTransaction?> BeginSearchAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Appended to the rebuild's batch SELECT so a concurrent save waits instead of being overwritten by an older text.</summary>
    string LockRows { get; }

    /// <summary><paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/>.</summary>
    string IsIn(string column, string parameter);

    /// <summary>The engine's query text for <c>@match</c>, built only from the query's analysed tokens, each quoted.</summary>
    string MatchText(SearchQuery query);

    /// <summary>Like <see cref="MatchText"/>, but only the title may match, and exclusions are ignored (suggestions).</summary>
    string TitleMatchText(SearchQuery query);

    /// <summary>Replaces the manual's index entry with <paramref name="document"/> and records the manual's current revision.</summary>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, long manualId, SearchDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Analyses <paramref name="document"/> into what <see cref="WriteBatchAsync"/> stores: CPU work only, safe on any
    /// thread, so a rebuild analyses the next batch while it writes this one.
    /// </summary>
    object Prepare(SearchDocument document);

    /// <summary>
    /// Like <see cref="WriteAsync"/> for many manuals at once, from <see cref="Prepare"/>'s results; during a full
    /// rebuild (<paramref name="rebuilding"/>) into wherever <see cref="BeginRebuildAsync"/> said.
    /// </summary>
    Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<(long ManualId, object Entry)> entries,
        bool rebuilding,
        CancellationToken cancellationToken);

    /// <summary>Removes the manual's index entry.</summary>
    Task DeleteAsync(DbConnection connection, DbTransaction transaction, long manualId, CancellationToken cancellationToken);

    /// <summary>How many batches a rebuild writes at once, each in its own transaction on its own connection.</summary>
    int RebuildWriters { get; }

    /// <summary>
    /// Before a full rebuild, on the connection that will also end it: prepares where the rebuild writes, and stops
    /// work that <see cref="EndRebuildAsync"/> does once at the end anyway.
    /// </summary>
    Task BeginRebuildAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// After a full rebuild (<paramref name="completed"/>): makes what it wrote the index, drops entries of manuals that
    /// no longer exist and compacts the index. After a failed one: undoes <see cref="BeginRebuildAsync"/>, and the
    /// index stays as it was.
    /// </summary>
    Task EndRebuildAsync(DbConnection connection, bool completed, CancellationToken cancellationToken);
}
