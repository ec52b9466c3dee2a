using System.Data.Common;
using Npgsql;

namespace Manuals.Data;

/// <summary>
/// PostgreSQL connections from one shared <see cref="NpgsqlDataSource"/> (which pools them). Unless the connection string
/// says otherwise, statements run often are prepared on the server (Npgsql's automatic preparation,
/// <see cref="MaxAutoPrepare"/> per connection), so a search's few statements skip parsing and planning each time;
/// <c>Max Auto Prepare=0</c> turns that off, e.g. behind a pooler that cannot keep prepared statements.
/// </summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IDisposable
{
    /// <summary>Statements kept prepared per connection when the connection string does not set it.</summary>
    public const int MaxAutoPrepare = 64;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's own builder reports every keyword it knows as present; the generic one only those given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The connection string as configured (backups hand it to <c>pg_dump</c> and <c>pg_restore</c>).</summary>
    public string ConnectionString { get; }

    public SqlEngine Engine => SqlEngine.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public void Dispose() => _dataSource.Dispose();
}
