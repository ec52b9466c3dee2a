using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Manuals.Data.Operations;

/// <summary>
/// Online backup of the configured database into one file, and its restore. The file is a zip holding
/// <c>manifest.json</c> (<see cref="BackupManifest"/>) and the payload: <c>manuals.db</c>, a SQLite database written by
/// <c>VACUUM INTO</c> (one read transaction, while saves go on), or <c>manuals.dump</c>, a <c>pg_dump</c> custom-format
/// archive of an exported snapshot. The manifest's counts and checksums are read from that same snapshot, so they
/// describe exactly the payload, whatever was saved meanwhile.
/// </summary>
public sealed class DatabaseBackup(IDbConnectionFactory connections, MigrationRunner migrations, TimeProvider time)
{
    /// <summary>The manifest format this app writes and reads.</summary>
    public const int FormatVersion = 1;

    public const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The payload's name inside the file, per engine.</summary>
    public static string PayloadEntry(SqlEngine engine) => engine == SqlEngine.Postgres ? "manuals.dump" : "manuals.db";

    /// <summary>
    /// Online backup of the configured database into one file at <paramref name="path"/> (refuses to overwrite an
    /// existing file: <see cref="OperationRefusal.TargetNotEmpty"/>).
    /// </summary>
    public async Task<BackupManifest> CreateAsync(string path, IProgress<OperationProgress>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new OperationRefusedException(OperationRefusal.TargetNotEmpty, path);
        }

        var work = WorkDirectory(path);
        try
        {
            var payload = Path.Combine(work, PayloadEntry(connections.Engine));
            progress?.Report(new OperationProgress("backup", null, 0, 0));
            var (schema, tables) = connections.Engine == SqlEngine.Postgres
                ? await DumpPostgresAsync(payload, progress, ct)
                : await SnapshotSqliteAsync(payload, progress, ct);
            var manifest = new BackupManifest(
                FormatVersion, AppVersion, schema, connections.Engine.ToString(), time.GetUtcNow(), tables, await Sha256Async(payload, ct));

            var partial = Path.Combine(work, "backup.zip");
            await using (var zip = new ZipArchive(File.Create(partial), ZipArchiveMode.Create))
            {
                var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
                await using (var stream = manifestEntry.Open())
                {
                    await JsonSerializer.SerializeAsync(stream, manifest, Json, ct);
                }

                // A pg_dump archive is compressed already; a SQLite file compresses well.
                var level = connections.Engine == SqlEngine.Postgres ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                var payloadEntry = zip.CreateEntry(Path.GetFileName(payload), level);
                await using var target = payloadEntry.Open();
                await using var source = File.OpenRead(payload);
                await source.CopyToAsync(target, ct);
            }

            File.Move(partial, path, overwrite: false);
            progress?.Report(new OperationProgress("backup", null, 1, 1));
            return manifest;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Reads and checks the manifest only (<see cref="OperationRefusal.NotABackup"/>, <see cref="OperationRefusal.ManifestInvalid"/>, <see cref="OperationRefusal.PayloadChecksumMismatch"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The command line calls it on the injected instance, beside CreateAsync and RestoreAsync.")]
    public async Task<BackupManifest> ReadManifestAsync(string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new OperationRefusedException(OperationRefusal.NotABackup, $"{path} (no such file)");
        }

        try
        {
            await using var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry(ManifestEntry)
                ?? throw new OperationRefusedException(OperationRefusal.NotABackup, $"{path} (no {ManifestEntry})");
            BackupManifest? manifest;
            try
            {
                await using var stream = manifestEntry.Open();
                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
            }
            catch (JsonException ex)
            {
                throw new OperationRefusedException(OperationRefusal.ManifestInvalid, $"{path}: {ex.Message}");
            }

            if (manifest is not { FormatVersion: FormatVersion, Tables: not null, PayloadSha256: { Length: 64 }, SchemaVersion: not null, AppVersion: not null }
                || !Enum.TryParse<SqlEngine>(manifest.Engine, out var engine)
                || !int.TryParse(manifest.SchemaVersion, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                || manifest.Tables.Any(t => t is not { Table: not null, Checksum: not null }))
            {
                throw new OperationRefusedException(
                    OperationRefusal.ManifestInvalid, $"{path}: format {manifest?.FormatVersion}, engine {manifest?.Engine}, schema {manifest?.SchemaVersion}");
            }

            var payloadEntry = zip.GetEntry(PayloadEntry(engine))
                ?? throw new OperationRefusedException(OperationRefusal.ManifestInvalid, $"{path}: no {PayloadEntry(engine)}");
            await using var payload = payloadEntry.Open();
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(payload, ct));
            if (sha != manifest.PayloadSha256)
            {
                throw new OperationRefusedException(OperationRefusal.PayloadChecksumMismatch, $"{path}: {sha}, manifest {manifest.PayloadSha256}");
            }

            return manifest;
        }
        catch (InvalidDataException ex)
        {
            // Not a zip at all, or an entry whose compressed data or CRC is damaged.
            throw new OperationRefusedException(OperationRefusal.NotABackup, $"{path}: {ex.Message}");
        }
    }

    /// <summary>
    /// Restores the backup at <paramref name="path"/> into the configured database. Refuses a database holding data
    /// unless <paramref name="overwrite"/>; checks the manifest, the payload's checksum, the engine and the schema; after
    /// restoring, compares every table's count and checksum with the manifest (<see cref="OperationRefusal.VerificationFailed"/>),
    /// applies the migrations newer than the backup, and writes a new search index generation so every node rebuilds
    /// its index from the restored data.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string path, bool overwrite, IProgress<OperationProgress>? progress, CancellationToken ct)
    {
        var manifest = await ReadManifestAsync(path, ct);
        if (manifest.Engine != connections.Engine.ToString())
        {
            throw new OperationRefusedException(OperationRefusal.EngineMismatch, $"backup {manifest.Engine}, database {connections.Engine}");
        }

        var latest = MigrationRunner.LoadEmbedded(connections.Engine).Max(m => m.Version);
        if (int.Parse(manifest.SchemaVersion, CultureInfo.InvariantCulture) > latest)
        {
            throw new OperationRefusedException(OperationRefusal.SchemaNewerThanApp, $"backup schema {manifest.SchemaVersion}, this app {latest}");
        }

        await using (var connection = await connections.OpenAsync(ct))
        {
            var filled = await EmptyDatabase.FilledTablesAsync(connection, null, ct);
            if (filled.Count > 0 && !overwrite)
            {
                throw new OperationRefusedException(OperationRefusal.TargetNotEmpty, string.Join(", ", filled));
            }
        }

        var work = WorkDirectory(Path.GetFullPath(path));
        try
        {
            progress?.Report(new OperationProgress("restore", null, 0, 0));
            var payload = Path.Combine(work, PayloadEntry(connections.Engine));
            await using (var zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read))
            {
                zip.GetEntry(PayloadEntry(connections.Engine))!.ExtractToFile(payload);
            }

            if (connections.Engine == SqlEngine.Postgres)
            {
                await RestorePostgresAsync(payload, ct);
            }
            else
            {
                await RestoreSqliteAsync(payload, ct);
            }

            progress?.Report(new OperationProgress("restore", null, 1, 1));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        await using (var connection = await connections.OpenAsync(ct))
        {
            var restored = await TableChecksums.SummarizeAsync(connection, null, null, progress, "verify", ct);
            var differences = TableChecksums.Differences(manifest.Tables, restored);
            if (differences.Count > 0)
            {
                throw new OperationRefusedException(OperationRefusal.VerificationFailed, string.Join(", ", differences));
            }
        }

        await migrations.MigrateAsync(ct);
        await using (var connection = await connections.OpenAsync(ct))
        {
            await SearchIndexGeneration.RenewAsync(connection, null, ct);
        }

        return manifest;
    }

    private static string AppVersion =>
        typeof(DatabaseBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>A scratch folder beside <paramref name="path"/> (same file system, so space is checked where the file goes).</summary>
    private static string WorkDirectory(string path)
    {
        var directory = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.work");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static SqliteConnection OpenFile(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<string> SchemaVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken ct) =>
        (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction, cancellationToken: ct))).ToString(CultureInfo.InvariantCulture);

    /// <summary><c>VACUUM INTO</c> reads the database in one transaction while writers go on (WAL), then the copy is summed.</summary>
    private async Task<(string Schema, IReadOnlyList<TableSummary> Tables)> SnapshotSqliteAsync(
        string payload, IProgress<OperationProgress>? progress, CancellationToken ct)
    {
        await using (var connection = await connections.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @payload", new { payload }, commandTimeout: 0, cancellationToken: ct));
        }

        await using var snapshot = OpenFile(payload, SqliteOpenMode.ReadOnly);
        var tables = await TableChecksums.SummarizeAsync(snapshot, null, null, progress, "backup", ct);
        return (await SchemaVersionAsync(snapshot, null, ct), tables);
    }

    /// <summary>
    /// Exports a snapshot from a repeatable-read transaction; <c>pg_dump</c> dumps exactly that snapshot while the same
    /// transaction sums the tables, so the manifest and the archive agree while saves go on.
    /// </summary>
    private async Task<(string Schema, IReadOnlyList<TableSummary> Tables)> DumpPostgresAsync(
        string payload, IProgress<OperationProgress>? progress, CancellationToken ct)
    {
        var connectionString = ((PostgresConnectionFactory)connections).ConnectionString;
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var snapshot = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_export_snapshot()", transaction: transaction, cancellationToken: ct));
        var dump = PostgresTools.RunAsync(
            "pg_dump",
            ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={payload}"],
            connectionString,
            ct);
        var tables = await TableChecksums.SummarizeAsync(connection, transaction, null, progress, "backup", ct);
        var schema = await SchemaVersionAsync(connection, transaction, ct);
        await dump;
        await transaction.CommitAsync(ct);
        return (schema, tables);
    }

    /// <summary>SQLite's backup API copies the payload's pages over the configured database, whatever it held.</summary>
    private async Task RestoreSqliteAsync(string payload, CancellationToken ct)
    {
        await using var source = OpenFile(payload, SqliteOpenMode.ReadOnly);
        await using var target = (SqliteConnection)await connections.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    /// <summary>
    /// Drops every table and function of the schema (dropping, unlike DELETE, is allowed on the append-only audit log)
    /// and restores the archive into it in one transaction.
    /// </summary>
    private async Task RestorePostgresAsync(string payload, CancellationToken ct)
    {
        var connectionString = ((PostgresConnectionFactory)connections).ConnectionString;
        const string dropSql = """
            DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename);
                END LOOP;
                FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace LOOP
                    EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', r.signature);
                END LOOP;
            END $$;
            """;
        await using (var connection = await connections.OpenAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(dropSql, commandTimeout: 0, cancellationToken: ct));
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
        await PostgresTools.RunAsync(
            "pg_restore",
            ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={database}", payload],
            connectionString,
            ct);
    }
}
