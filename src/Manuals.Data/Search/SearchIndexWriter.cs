using System.Data.Common;
using Manuals.Core.Search;
using Npgsql;

namespace Manuals.Data.Search;

/// <summary>
/// Writes a manual's search entry inside the caller's transaction, so the index can never disagree with the data:
/// a save that rolls back leaves no index change behind. Call it after the manual row is written (it records the
/// manual's revision number as read in the same transaction).
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>Replaces the entry of <paramref name="manualId"/> with <paramref name="document"/>.</summary>
    public static Task UpdateAsync(
        DbConnection connection, DbTransaction transaction, long manualId, SearchDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(document);
        return EngineOf(connection).WriteAsync(connection, transaction, manualId, document, cancellationToken);
    }

    /// <summary>Removes the entry of <paramref name="manualId"/> (deleting a manual row also removes it).</summary>
    public static Task DeleteAsync(DbConnection connection, DbTransaction transaction, long manualId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return EngineOf(connection).DeleteAsync(connection, transaction, manualId, cancellationToken);
    }

    internal static IFullTextEngine EngineOf(DbConnection connection) =>
        connection is NpgsqlConnection ? PostgresFullText.Instance : SqliteFullText.Instance;

    internal static IFullTextEngine EngineOf(SqlEngine engine) =>
        engine == SqlEngine.Postgres ? PostgresFullText.Instance : SqliteFullText.Instance;
}
