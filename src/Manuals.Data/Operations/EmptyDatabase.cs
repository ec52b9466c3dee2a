using System.Data.Common;
using Dapper;
using Manuals.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace Manuals.Data.Operations;

/// <summary>
/// Whether a database may be written over without losing anything: it has no tables yet, or no table holds more rows
/// than a freshly migrated database (the departments, templates and synonyms the migrations seed). The engines'
/// migrations seed the same rows, so the fresh counts come from an in-memory SQLite database migrated once.
/// </summary>
internal static class EmptyDatabase
{
    private static readonly Lazy<IReadOnlyDictionary<string, long>> FreshCounts = new(CountFresh);

    /// <summary>The tables holding more rows than a fresh database's, with their counts; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> FilledTablesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = await TableCatalogue.ReadAsync(connection, transaction, cancellationToken);
        var filled = new List<string>();
        foreach (var table in tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {TableChecksums.Quote(table.Name)}", transaction: transaction, cancellationToken: cancellationToken));
            if (rows > FreshCounts.Value.GetValueOrDefault(table.Name))
            {
                filled.Add($"{table.Name}: {rows}");
            }
        }

        return filled;
    }

    private static Dictionary<string, long> CountFresh()
    {
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var migration in MigrationRunner.LoadEmbedded(SqlEngine.Sqlite))
        {
            connection.Execute(migration.Sql);
        }

        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        return tables.ToDictionary(t => t, t => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {TableChecksums.Quote(t)}"), StringComparer.Ordinal);
    }
}
