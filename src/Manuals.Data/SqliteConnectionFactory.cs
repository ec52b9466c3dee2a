using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Manuals.Data;

/// <summary>SQLite connections with WAL, foreign keys and a busy timeout, so concurrent requests wait instead of failing.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;

    /// <summary>The physical connections already set up: the pool hands the same ones out again, settings kept.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _prepared = new();

    public SqliteConnectionFactory(string connectionString)
    {
        SQLitePCL.Batteries_V2.Init();
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            // A busy database is retried by Microsoft.Data.Sqlite every 150 ms for up to this many seconds.
            DefaultTimeout = 30,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            var directory = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
    }

    public SqlEngine Engine => SqlEngine.Sqlite;

    /// <summary>Full path of the database file, for log messages.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && _prepared.TryGetValue(handle, out _))
            {
                return connection;
            }

            using var pragma = connection.CreateCommand();
            // WAL lets readers work while one writer writes. SQLite's own busy timeout stays 0: the bundled build
            // sleeps in whole seconds between retries, while Microsoft.Data.Sqlite retries a busy write every
            // 150 ms for DefaultTimeout seconds.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=0; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            if (connection.Handle is { } opened)
            {
                _prepared.AddOrUpdate(opened, _prepared);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
