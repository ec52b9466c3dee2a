namespace Manuals.Data.Operations;

/// <summary>Why a backup, restore or move to PostgreSQL refused to go on (the command line words each one for people).</summary>
public enum OperationRefusal
{
    /// <summary>The target database holds data (restore without overwrite, a move), or the backup file already exists.</summary>
    TargetNotEmpty,

    /// <summary>The file is not a backup made by this app (not a zip, or no manifest).</summary>
    NotABackup,

    /// <summary>The manifest cannot be read, is of an unknown format, or names no payload.</summary>
    ManifestInvalid,

    /// <summary>The payload's SHA-256 differs from the manifest's: the file was damaged.</summary>
    PayloadChecksumMismatch,

    /// <summary>The backup was made by a newer app, with migrations this one does not know.</summary>
    SchemaNewerThanApp,

    /// <summary>The backup is of another engine than the configured database.</summary>
    EngineMismatch,

    /// <summary><c>pg_dump</c> or <c>pg_restore</c> was not found.</summary>
    ToolMissing,

    /// <summary>The move to PostgreSQL needs the configured database to be SQLite.</summary>
    SourceNotSqlite,

    /// <summary>The move's target is not a PostgreSQL connection string.</summary>
    TargetNotPostgres,

    /// <summary>After the work, a table's count or checksum differs from what it should be.</summary>
    VerificationFailed,
}
