using System.Data.Common;
using Dapper;
using Manuals.Core.Search;

namespace Manuals.Data.Search;

/// <summary>
/// Appends search journal rows inside the caller's transaction, so the journal can never disagree with the data: a
/// change that rolls back leaves no row behind, and a row is visible exactly when its change is. Call it from every
/// store method that changes what search shows of a manual or who may see it (title, body, tags, department,
/// visibility, status, template, owner, the names of linked business tasks). The time is the database's.
/// </summary>
public static class SearchJournalWriter
{
    /// <summary>Appends one row for <paramref name="manualId"/>.</summary>
    public static Task AppendAsync(
        DbConnection connection, DbTransaction transaction, long manualId, SearchJournalKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        const string sql = "INSERT INTO search_journal (manual_id, kind) VALUES (@manualId, @kind)";
        return connection.ExecuteAsync(new CommandDefinition(sql, new { manualId, kind = KindText(kind) }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Appends one row for each of <paramref name="manualIds"/>, once each and in id order: for a change to several
    /// manuals at once (a template rename, a business task renamed or linked). Take the ids from the statement that
    /// made the change (<c>RETURNING</c>) or after it, inside the same transaction, so a manual changed concurrently
    /// is not missed.
    /// </summary>
    public static Task AppendAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<long> manualIds, SearchJournalKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(manualIds);
        const string sql = "INSERT INTO search_journal (manual_id, kind) VALUES (@manualId, @kind)";
        var text = KindText(kind);
        var rows = manualIds.Distinct().Order().Select(manualId => new { manualId, kind = text }).ToList();
        return rows.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }

    internal static string KindText(SearchJournalKind kind) => kind switch
    {
        SearchJournalKind.Upsert => "upsert",
        SearchJournalKind.Delete => "delete",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown journal kind."),
    };

    internal static SearchJournalKind ParseKind(string text) => text switch
    {
        "upsert" => SearchJournalKind.Upsert,
        "delete" => SearchJournalKind.Delete,
        _ => throw new InvalidOperationException($"Unknown search journal kind '{text}'."),
    };
}
