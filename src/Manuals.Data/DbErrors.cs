using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Manuals.Data;

/// <summary>Recognises engine errors that callers turn into ordinary results.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>A UNIQUE or PRIMARY KEY constraint was violated.</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && (sqlite.SqliteExtendedErrorCode is 2067 or 1555), // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
        _ => false,
    };
}
