using System.Data.Common;
using System.Globalization;
using Dapper;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Manuals.Data.Operations;

/// <summary>
/// Moves everything from the configured SQLite database into a PostgreSQL database: migrates the target to this app's
/// schema, then, in one transaction, copies every table of <see cref="TableCatalogue"/> in foreign-key order (binary
/// COPY), moves each identity past the highest id (and past SQLite's AUTOINCREMENT high-water mark), compares every
/// table's count and checksum with the source's (<see cref="TableChecksums"/>), writes a new search index generation
/// and commits; any difference rolls it all back. Instants keep microseconds, PostgreSQL's precision.
/// </summary>
public sealed class PostgresMigration(IDbConnectionFactory connections, MigrationRunner migrations, ILogger<MigrationRunner> migrationLogger)
{
    /// <summary>
    /// Copies everything from the configured SQLite database into the PostgreSQL database named by
    /// <paramref name="postgresConnectionString"/> (migrating it first); refuses a target holding data; verifies counts
    /// and checksums per table. Returns the target's summaries.
    /// </summary>
    public async Task<IReadOnlyList<TableSummary>> CopyAsync(string postgresConnectionString, IProgress<OperationProgress>? progress, CancellationToken ct)
    {
        if (connections.Engine != SqlEngine.Sqlite)
        {
            throw new OperationRefusedException(OperationRefusal.SourceNotSqlite, connections.Engine.ToString());
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(postgresConnectionString);
            if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
            {
                throw new OperationRefusedException(OperationRefusal.TargetNotPostgres, "the connection string names no Host or Database");
            }
        }
        catch (ArgumentException ex)
        {
            throw new OperationRefusedException(OperationRefusal.TargetNotPostgres, ex.Message);
        }

        // The source must have this app's schema, as the target will.
        await migrations.MigrateAsync(ct);
        using var target = new PostgresConnectionFactory(postgresConnectionString);
        await RefuseFilledAsync(target, null, null, ct);
        await new MigrationRunner(target, migrationLogger).MigrateAsync(ct);

        await using var source = (SqliteConnection)await connections.OpenAsync(ct);
        // One read transaction: every table as of one moment, even if the app still saves.
        await using var reading = source.BeginTransaction(deferred: true);
        await using var writing = (NpgsqlConnection)await target.OpenAsync(ct);
        await using var transaction = await writing.BeginTransactionAsync(ct);
        await RefuseFilledAsync(null, writing, transaction, ct);

        var tables = await TableCatalogue.ReadAsync(source, reading, ct);
        var targetTables = (await TableCatalogue.ReadAsync(writing, transaction, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = tables.Select(t => t.Name).Except(targetTables.Keys).Concat(targetTables.Keys.Except(tables.Select(t => t.Name))).ToList();
        if (missing.Count > 0)
        {
            throw new OperationRefusedException(OperationRefusal.VerificationFailed, $"tables differ between the databases: {string.Join(", ", missing)}");
        }

        // What the target's migrations seeded (departments, templates, synonyms) makes way for the source's rows.
        foreach (var table in tables.Reverse())
        {
            await writing.ExecuteAsync(new CommandDefinition($"DELETE FROM {TableChecksums.Quote(table.Name)}", transaction: transaction, cancellationToken: ct));
        }

        for (var i = 0; i < tables.Count; i++)
        {
            progress?.Report(new OperationProgress("copy", tables[i].Name, i, tables.Count));
            await CopyTableAsync(source, reading, writing, targetTables[tables[i].Name], ct);
            await MoveIdentitiesAsync(source, reading, writing, transaction, targetTables[tables[i].Name], ct);
        }

        progress?.Report(new OperationProgress("copy", null, tables.Count, tables.Count));
        var expected = await TableChecksums.SummarizeAsync(source, reading, tables, progress, "verify", ct);
        var copied = await TableChecksums.SummarizeAsync(writing, transaction, tables.Select(t => targetTables[t.Name]).ToList(), progress, "verify", ct);
        var differences = TableChecksums.Differences(expected, copied);
        if (differences.Count > 0)
        {
            throw new OperationRefusedException(OperationRefusal.VerificationFailed, string.Join(", ", differences));
        }

        await SearchIndexGeneration.RenewAsync(writing, transaction, ct);
        await transaction.CommitAsync(ct);
        return copied;
    }

    private static async Task RefuseFilledAsync(PostgresConnectionFactory? factory, DbConnection? open, DbTransaction? transaction, CancellationToken ct)
    {
        var connection = open ?? await factory!.OpenAsync(ct);
        try
        {
            var filled = await EmptyDatabase.FilledTablesAsync(connection, transaction, ct);
            if (filled.Count > 0)
            {
                throw new OperationRefusedException(OperationRefusal.TargetNotEmpty, string.Join(", ", filled));
            }
        }
        finally
        {
            if (open is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task CopyTableAsync(
        SqliteConnection source, SqliteTransaction reading, NpgsqlConnection target, CatalogueTable table, CancellationToken ct)
    {
        var columns = table.Columns;
        var names = string.Join(", ", columns.Select(c => TableChecksums.Quote(c.Name)));
        await using var command = source.CreateCommand();
        command.Transaction = reading;
        // Names come from the databases' own catalogues, quoted.
#pragma warning disable CA2100
        command.CommandText = $"SELECT {names} FROM {TableChecksums.Quote(table.Name)} ORDER BY {string.Join(", ", table.PrimaryKey.Select(TableChecksums.Quote))}";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(ct);
        // COPY also writes identity columns declared GENERATED ALWAYS (audit_log, search_journal), as the source has them.
        await using var import = await target.BeginBinaryImportAsync($"COPY {TableChecksums.Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        while (await reader.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.GetValue(i);
                if (value is DBNull)
                {
                    await import.WriteNullAsync(ct);
                }
                else
                {
                    await WriteAsync(import, value, columns[i], table.Name, ct);
                }
            }
        }

        await import.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, object value, CatalogueColumn column, string table, CancellationToken ct) => column.Type switch
    {
        "bigint" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, ct),
        "integer" => import.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer, ct),
        "smallint" => import.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint, ct),
        "boolean" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean, ct),
        "text" => import.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, ct),
        "bytea" => import.WriteAsync((byte[])value, NpgsqlDbType.Bytea, ct),
        "double precision" => import.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double, ct),
        "numeric" => import.WriteAsync(Convert.ToDecimal(value, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, ct),
        "timestamp with time zone" => import.WriteAsync(Instant(value, table, column.Name), NpgsqlDbType.TimestampTz, ct),
        _ => throw new OperationRefusedException(OperationRefusal.VerificationFailed, $"{table}.{column.Name}: no copy for type {column.Type}"),
    };

    private static DateTime Instant(object value, string table, string column) =>
        value is string text && TableChecksums.TryParseInstant(text, out var utc)
            ? utc
            : throw new OperationRefusedException(OperationRefusal.VerificationFailed, $"{table}.{column}: '{value}' is not a UTC time");

    /// <summary>Moves each identity of the table past the highest id copied, and past ids SQLite's AUTOINCREMENT already handed out.</summary>
    private static async Task MoveIdentitiesAsync(
        SqliteConnection source, SqliteTransaction reading, NpgsqlConnection target, DbTransaction transaction, CatalogueTable table, CancellationToken ct)
    {
        foreach (var column in table.Columns)
        {
            var sequence = await target.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT pg_get_serial_sequence(@table, @column)",
                new { table = TableChecksums.Quote(table.Name), column = column.Name },
                transaction,
                cancellationToken: ct));
            if (sequence is null)
            {
                continue;
            }

            var highest = await target.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COALESCE(MAX({TableChecksums.Quote(column.Name)}), 0) FROM {TableChecksums.Quote(table.Name)}", transaction: transaction, cancellationToken: ct));
            const string handedOutSql = """
                SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0)
                WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence')
                """;
            var handedOut = await source.ExecuteScalarAsync<long?>(new CommandDefinition(handedOutSql, new { table = table.Name }, reading, cancellationToken: ct)) ?? 0;
            await target.ExecuteAsync(new CommandDefinition(
                "SELECT setval(@sequence, @next, false)", new { sequence, next = Math.Max(highest, handedOut) + 1 }, transaction, cancellationToken: ct));
        }
    }
}
