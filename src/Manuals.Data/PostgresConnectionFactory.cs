using System.Data.Common;
using Npgsql;

namespace Manuals.Data;

/// <summary>PostgreSQL connections from one shared <see cref="NpgsqlDataSource"/> (which pools them).</summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnectionFactory(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public SqlEngine Engine => SqlEngine.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public void Dispose() => _dataSource.Dispose();
}
