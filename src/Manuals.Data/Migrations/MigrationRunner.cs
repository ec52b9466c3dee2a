using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Manuals.Data.Migrations;

/// <summary>
/// Applies the embedded, forward-only SQL scripts of the configured engine that the database has not seen yet.
/// Each script runs in its own transaction together with its <c>schema_version</c> row, so a failing script
/// leaves the database exactly as it was and start-up stops with <see cref="MigrationException"/>.
/// </summary>
public sealed partial class MigrationRunner
{
    // Any constant works; it only has to be the same on every web node.
    private const long PostgresLockKey = 0x4D616E75616C73;

    private readonly IDbConnectionFactory _connections;
    private readonly ILogger<MigrationRunner> _logger;
    private readonly IReadOnlyList<Migration> _migrations;

    public MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger)
        : this(connections, logger, LoadEmbedded(connections.Engine))
    {
    }

    /// <summary>Runs the given scripts instead of the embedded ones (tests use this for a failing script).</summary>
    public MigrationRunner(IDbConnectionFactory connections, ILogger<MigrationRunner> logger, IReadOnlyList<Migration> migrations)
    {
        _connections = connections;
        _logger = logger;
        _migrations = migrations.OrderBy(m => m.Version).ToList();
    }

    /// <summary>The embedded scripts of one engine, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded(SqlEngine engine)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{engine}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n, prefix))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await EnsureVersionTableAsync(connection, cancellationToken);

        var applied = 0;
        foreach (var migration in _migrations)
        {
            if (await ApplyAsync(connection, migration, cancellationToken))
            {
                applied++;
                LogApplied(_logger, migration.Version, migration.Name);
            }
        }

        return applied;
    }

    /// <summary>
    /// The migrations this runner knows that the database has not recorded, in version order (readiness: every one is
    /// applied). A database without <c>schema_version</c> yet has all of them pending.
    /// </summary>
    public async Task<IReadOnlyList<Migration>> PendingAsync(CancellationToken cancellationToken)
    {
        var applied = (await AppliedVersionsAsync(cancellationToken)).ToHashSet();
        return _migrations.Where(m => !applied.Contains(m.Version)).ToList();
    }

    /// <summary>
    /// The versions recorded in <c>schema_version</c> (empty when the table does not exist yet), without applying
    /// anything; with <see cref="Known"/>, what the command line's <c>check</c> compares.
    /// </summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken)
    {
        var existsSql = _connections.Engine == SqlEngine.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_version'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        await using var connection = await _connections.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(existsSql, cancellationToken: cancellationToken)) == 0)
        {
            return [];
        }

        return (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version ORDER BY version", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The scripts this app would apply, in version order.</summary>
    public IReadOnlyList<Migration> Known => _migrations;

    private async Task<bool> ApplyAsync(DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);

        const string isAppliedSql = "SELECT COUNT(*) FROM schema_version WHERE version = @version";
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            isAppliedSql, new { version = migration.Version }, transaction, cancellationToken: cancellationToken));
        if (count > 0)
        {
            return false;
        }

        try
        {
            // No command timeout (the default is 30 s): a script that rewrites a large table, such as 0009 on 100,000
            // manuals, takes longer, and cutting it off would only roll it back and stop start-up.
            await connection.ExecuteAsync(new CommandDefinition(
                migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            const string recordSql = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt)";
            await connection.ExecuteAsync(new CommandDefinition(
                recordSql,
                new { version = migration.Version, name = migration.Name, appliedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationException(
                $"Migration {migration.Version:D4}_{migration.Name} failed and was rolled back; the database is unchanged. {ex.Message}",
                ex);
        }
    }

    private async Task EnsureVersionTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sql = _connections.Engine == SqlEngine.Postgres
            ? """
              CREATE TABLE IF NOT EXISTS schema_version (
                  version integer PRIMARY KEY,
                  name text NOT NULL,
                  applied_at timestamptz NOT NULL)
              """
            : """
              CREATE TABLE IF NOT EXISTS schema_version (
                  version INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  applied_at TEXT NOT NULL)
              """;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL, several web nodes may start at once: the transaction-scoped advisory lock makes them take
    /// turns (even CREATE TABLE IF NOT EXISTS races otherwise), and the re-checks make later nodes skip what the
    /// first one applied. SQLite serialises writers by itself.
    /// </summary>
    private async Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_connections.Engine == SqlEngine.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key)", new { key = PostgresLockKey }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static Migration Read(Assembly assembly, string resourceName, string prefix)
    {
        var fileName = resourceName[prefix.Length..^".sql".Length];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new MigrationException($"Migration file '{resourceName}' must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
