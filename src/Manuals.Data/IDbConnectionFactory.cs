using System.Data.Common;

namespace Manuals.Data;

/// <summary>Opens a connection per operation. Stores hold no connections between calls.</summary>
public interface IDbConnectionFactory
{
    SqlEngine Engine { get; }

    /// <summary>Opens a new connection configured for the engine (SQLite: foreign keys, busy timeout).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
